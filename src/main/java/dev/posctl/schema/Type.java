package dev.posctl.schema;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One type of the model: a scalar, an enum (plain or flags), an object type with its properties,
 * or a collection of an element type. Immutable once the schema is built.
 */
public final class Type {
    private final Kind kind;
    private final String name;
    private final String description;
    private final List<String> members;
    private final Map<String, Property> properties;
    private final boolean open;
    private final Type element;

    private Type(Kind kind, String name, String description, List<String> members,
                 Map<String, Property> properties, boolean open, Type element) {
        this.kind = kind;
        this.name = name;
        this.description = description;
        this.members = members;
        this.properties = properties;
        this.open = open;
        this.element = element;
    }

    static Type scalar(Kind kind) {
        return new Type(kind, kind.label(), null, List.of(), Map.of(), false, null);
    }

    static Type enumeration(String name, boolean flags, String description, List<String> members) {
        return new Type(flags ? Kind.FLAGS_ENUM : Kind.ENUM, name, description, List.copyOf(members),
            Map.of(), false, null);
    }

    static Type object(String name, boolean open, String description) {
        return new Type(Kind.OBJECT, name, description, List.of(), new LinkedHashMap<>(), open, null);
    }

    static Type collection(Type element) {
        return new Type(Kind.COLLECTION, "Collection(" + element.name + ")", null, List.of(), Map.of(),
            false, element);
    }

    void add(Property property) {
        properties.put(property.name(), property);
    }

    public Kind kind() {
        return kind;
    }

    /** The CSDL name: {@code positionDetail}, {@code Int32}, {@code Collection(String)}. */
    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public List<String> members() {
        return members;
    }

    public Map<String, Property> properties() {
        return Collections.unmodifiableMap(properties);
    }

    public Property property(String name) {
        return properties.get(name);
    }

    /** Open types (identitySet, identity) accept properties the model does not list. */
    public boolean isOpen() {
        return open;
    }

    public Type element() {
        return element;
    }

    public boolean isEnum() {
        return kind == Kind.ENUM || kind == Kind.FLAGS_ENUM;
    }

    /** The OData type name, as {@code @odata.type} carries it, without the leading '#'. */
    public String odataType() {
        return "microsoft.graph." + name;
    }

    @Override
    public String toString() {
        return name;
    }
}
