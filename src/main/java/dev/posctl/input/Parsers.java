package dev.posctl.input;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.yaml.snakeyaml.LoaderOptions;

/** The parser factories, configured once with limits that keep hostile input harmless. */
public final class Parsers {
    static final int MAX_NESTING = 100;
    static final int MAX_STRING = 1 << 20;
    static final int MAX_YAML_DOCUMENT = 16 << 20;
    private static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
        .maxNestingDepth(MAX_NESTING)
        .maxStringLength(MAX_STRING)
        .maxNumberLength(100)
        .build();
    private static final JsonFactory JSON = JsonFactory.builder().streamReadConstraints(LIMITS).build();

    private Parsers() {}

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
