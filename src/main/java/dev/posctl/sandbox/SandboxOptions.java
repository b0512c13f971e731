package dev.posctl.sandbox;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How a sandbox runs. Build with {@link #builder()}; unset values take the defaults below.
 *
 * @param dataFile              the JSON file holding the data; null keeps everything in memory
 * @param port                  the port on 127.0.0.1; 0 picks a free one
 * @param token                 the bearer token every request must carry; null requires none
 * @param meUser                the user {@code /me} stands for; default {@value #DEFAULT_ME}
 * @param patchReturnsNoContent answer PATCH with 204 and no body instead of 200 and the object
 * @param pageSize              the list page size when {@code $top} is absent; default 10
 * @param chaos                 fault injection; {@link Chaos#none()} by default
 * @param readTimeout           how long a client may take to send a whole request (line, headers and
 *                              body) before its connection is closed; default 10 s
 */
public record SandboxOptions(Path dataFile, int port, String token, String meUser, boolean patchReturnsNoContent,
                             int pageSize, Chaos chaos, Duration readTimeout) {
    public static final String DEFAULT_ME = "adele@contoso.com";
    public static final int DEFAULT_PAGE_SIZE = 10;
    /** Far above what a loopback client needs for the largest (8 MB) body, short enough that stalled clients free their threads. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(10);

    public SandboxOptions {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, not " + port);
        }
        if (pageSize < 0) {
            throw new IllegalArgumentException("page size must be positive, not " + pageSize);
        }
        meUser = meUser == null || meUser.isBlank() ? DEFAULT_ME : meUser;
        pageSize = pageSize == 0 ? DEFAULT_PAGE_SIZE : pageSize;
        chaos = chaos == null ? Chaos.none() : chaos;
        token = token == null || token.isEmpty() ? null : token;
        if (readTimeout != null && (readTimeout.isNegative() || readTimeout.isZero())) {
            throw new IllegalArgumentException("read timeout must be positive, not " + readTimeout);
        }
        readTimeout = readTimeout == null ? DEFAULT_READ_TIMEOUT : readTimeout;
    }

    /** In memory, ephemeral port, no token, no chaos. */
    public static SandboxOptions inMemory() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().dataFile(dataFile).port(port).token(token).meUser(meUser)
            .patchReturnsNoContent(patchReturnsNoContent).pageSize(pageSize).chaos(chaos).readTimeout(readTimeout);
    }

    public static final class Builder {
        private Path dataFile;
        private int port;
        private String token;
        private String meUser;
        private boolean patchReturnsNoContent;
        private int pageSize;
        private Chaos chaos;
        private Duration readTimeout;

        private Builder() {}

        public Builder dataFile(Path dataFile) {
            this.dataFile = dataFile;
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder token(String token) {
            this.token = token;
            return this;
        }

        public Builder meUser(String meUser) {
            this.meUser = meUser;
            return this;
        }

        public Builder patchReturnsNoContent(boolean patchReturnsNoContent) {
            this.patchReturnsNoContent = patchReturnsNoContent;
            return this;
        }

        public Builder pageSize(int pageSize) {
            this.pageSize = pageSize;
            return this;
        }

        public Builder chaos(Chaos chaos) {
            this.chaos = chaos;
            return this;
        }

        public Builder readTimeout(Duration readTimeout) {
            this.readTimeout = readTimeout;
            return this;
        }

        public SandboxOptions build() {
            return new SandboxOptions(dataFile, port, token, meUser, patchReturnsNoContent, pageSize, chaos, readTimeout);
        }
    }
}
