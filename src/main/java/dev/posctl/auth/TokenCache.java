package dev.posctl.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.posctl.config.PrivateFiles;
import dev.posctl.core.Environment;
import dev.posctl.core.ExitCode;
import dev.posctl.core.PosctlException;
import dev.posctl.json.JsonTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;

/** Signed-in tokens, one file per profile under {@code $XDG_STATE_HOME/posctl/tokens/}, mode 0600. */
public final class TokenCache {

    /**
     * What a sign-in left behind; the refresh token is absent for client credentials, which sign in
     * again from {@code credentialFile} (the secret file or certificate path, never the secret).
     */
    public record Entry(String accessToken, String refreshToken, Instant expiresAt, String method, String authority,
                        String tenant, String clientId, String scope, String credentialFile) {}

    private TokenCache() {}

    public static Path path(Environment env, String profile) {
        return env.xdg("XDG_STATE_HOME", ".local/state").resolve("posctl").resolve("tokens").resolve(profile + ".json");
    }

    public static Entry load(Environment env, String profile) {
        Path file = path(env, profile);
        try {
            JsonNode n = JsonTrees.read(Files.readString(file));
            return new Entry(text(n, "accessToken"), text(n, "refreshToken"), Instant.parse(n.path("expiresAt").asText()),
                text(n, "method"), text(n, "authority"), text(n, "tenant"), text(n, "clientId"), text(n, "scope"),
                text(n, "credentialFile"));
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException | RuntimeException e) {
            throw new PosctlException(ExitCode.AUTH, "the token cache " + file + " is unreadable: run posctl logout, then posctl login");
        }
    }

    public static void save(Environment env, String profile, Entry e) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("accessToken", e.accessToken());
        n.put("refreshToken", e.refreshToken());
        n.put("expiresAt", e.expiresAt().toString());
        n.put("method", e.method());
        n.put("authority", e.authority());
        n.put("tenant", e.tenant());
        n.put("clientId", e.clientId());
        n.put("scope", e.scope());
        n.put("credentialFile", e.credentialFile());
        PrivateFiles.writeAtomically(path(env, profile), JsonTrees.compact(n));
    }

    /** True when there was a cache to remove. */
    public static boolean delete(Environment env, String profile) {
        try {
            return Files.deleteIfExists(path(env, profile));
        } catch (IOException e) {
            throw new PosctlException(ExitCode.CONFIG, "cannot remove " + path(env, profile) + ": " + e.getMessage());
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
