package dev.posctl.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Unsigned JWTs shaped like Entra ID's, for tests. */
public final class TestTokens {
    private TestTokens() {}

    public static String jwt(String claimsJson) {
        Base64.Encoder b = Base64.getUrlEncoder().withoutPadding();
        return b.encodeToString("{\"typ\":\"JWT\",\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
            + b.encodeToString(claimsJson.getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJlLW5vdC1jaGVja2Vk";
    }

    /** A delegated token of adele in tenant t-1 with the given scopes, expiring at epoch second exp. */
    public static String user(String scopes, long exp) {
        return jwt("{\"aud\":\"https://graph.microsoft.com\",\"tid\":\"t-1\",\"upn\":\"adele@contoso.com\",\"app_displayname\":\"posctl\","
            + "\"scp\":\"" + scopes + "\",\"exp\":" + exp + ",\"idtyp\":\"user\"}");
    }

    public static String app(long exp) {
        return jwt("{\"aud\":\"https://graph.microsoft.com\",\"tid\":\"t-1\",\"appid\":\"cid\",\"roles\":[\"User.ReadWrite.All\"],"
            + "\"exp\":" + exp + ",\"idtyp\":\"app\"}");
    }
}
