package dev.posctl.schema;

import java.util.List;

/**
 * One property of an object type.
 *
 * @param synonyms names people write by mistake for this property, used for "did you mean" hints
 */
public record Property(String name, Type type, boolean nullable, boolean readOnly, String description,
                       List<String> synonyms) {

    public boolean isWritable() {
        return !readOnly;
    }
}
