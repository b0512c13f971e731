package dev.posctl.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.yaml.snakeyaml.LoaderOptions;

/** The parser factories, configured once with limits that keep hostile input harmless. */
public final class Parsers {
    public static final int MAX_NESTING = 100;
    public static final int MAX_STRING = 1 << 20;
    public static final int MAX_YAML_DOCUMENT = 16 << 20;
    private static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
        .maxNestingDepth(MAX_NESTING)
        .maxStringLength(MAX_STRING)
        .maxNumberLength(100)
        .build();
    private static final JsonFactory JSON = JsonFactory.builder().streamReadConstraints(LIMITS).build();

    private Parsers() {}

    /** Jackson's words for a broken limit name its own setting; these name the limit and the input. */
    public static String limitExceeded(String jackson) {
        String m = jackson == null ? "" : jackson;
        if (m.startsWith("String value length")) {
            return "a string value is longer than " + (MAX_STRING >> 20) + " MiB, the most posctl reads";
        }
        if (m.startsWith("Number value length")) {
            return "a number has more than 100 digits, the most posctl reads";
        }
        if (m.startsWith("Document nesting depth")) {
            return "values are nested more than " + MAX_NESTING + " deep, the most posctl reads";
        }
        int from = m.indexOf(" (");
        return from > 0 ? m.substring(0, from) : m;
    }

    public static JsonFactory json() {
        return JSON;
    }

    /** Loaded on first use only, so commands that read no YAML never load SnakeYAML. */
    public static YAMLFactory yaml() {
        return Yaml.FACTORY;
    }

    private static final class Yaml {
        static final YAMLFactory FACTORY = create();

        private static YAMLFactory create() {
            LoaderOptions options = new LoaderOptions();
            options.setMaxAliasesForCollections(10);
            options.setNestingDepthLimit(MAX_NESTING);
            options.setCodePointLimit(MAX_YAML_DOCUMENT);
            options.setAllowDuplicateKeys(true);
            return YAMLFactory.builder().loaderOptions(options).streamReadConstraints(LIMITS).build();
        }
    }
}
