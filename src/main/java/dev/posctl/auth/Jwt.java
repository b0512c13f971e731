package dev.posctl.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.posctl.core.ExitCode;
import dev.posctl.core.PosctlException;
import dev.posctl.json.JsonTrees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Reads a JWT's header and claims without verifying it: for showing, never for trusting. */
public final class Jwt {

    private Jwt() {}

    public static JsonNode claims(String token) {
        return part(token, 1);
    }

    public static JsonNode header(String token) {
        return part(token, 0);
    }

    private static JsonNode part(String token, int index) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            // the message must not quote the token: it may be a real one pasted in the wrong place
            throw new PosctlException(ExitCode.AUTH, "the access token is not a JWT (" + parts.length
                + " dot-separated parts instead of 3); Microsoft Graph tokens are JWTs");
        }
        try {
            JsonNode part = JsonTrees.read(Base64.getUrlDecoder().decode(strip(parts[index])));
            if (part == null) {
                throw new IllegalArgumentException("empty");
            }
            return part;
        } catch (IOException | IllegalArgumentException e) {
            throw new PosctlException(ExitCode.AUTH, "the access token is not a readable JWT (part " + (index + 1)
                + " is not base64url-encoded JSON)");
        }
    }

    private static String strip(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '=') {
            end--;
        }
        return s.substring(0, end);
    }

    public static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String base64Url(String text) {
        return base64Url(text.getBytes(StandardCharsets.UTF_8));
    }
}
