package dev.posctl.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * For --user and --id: an empty or blank value is a usage error before any request, not a URL
 * with an empty segment that the server rejects (or, worse, that addresses something else).
 */
public final class NonBlank implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
        if (value == null || value.isBlank()) {
            throw new TypeConversionException("must not be empty or blank");
        }
        return value;
    }
}
