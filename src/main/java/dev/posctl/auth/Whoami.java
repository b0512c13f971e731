package dev.posctl.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What a token says about who holds it, read without verification, and what it cannot do. */
public final class Whoami {
    private Whoami() {}

    public record Report(ObjectNode data, List<String> warnings) {}

    public static Report describe(String token, String source, Instant now) {
        JsonNode c = Jwt.claims(token);
        ObjectNode d = JsonNodeFactory.instance.objectNode();
        List<String> scopes = new ArrayList<>();
        for (String s : c.path("scp").asText("").split(" ")) {
            if (!s.isBlank()) {
                scopes.add(s);
            }
        }
        List<String> roles = new ArrayList<>();
        c.path("roles").forEach(r -> roles.add(r.asText()));
        boolean appOnly = "app".equals(c.path("idtyp").asText(null)) || (scopes.isEmpty() && !c.hasNonNull("upn")
            && !c.hasNonNull("preferred_username") && !c.hasNonNull("unique_name"));
        d.put("tenant", text(c, "tid"));
        d.put("user", appOnly ? null : first(c, "upn", "preferred_username", "unique_name", "oid"));
        d.put("app", first(c, "app_displayname", "appid", "azp"));
        d.put("appOnly", appOnly);
        Instant exp = ServerNumbers.epochSecond(c.get("exp"));
        Instant nbf = ServerNumbers.epochSecond(c.get("nbf"));
        d.put("expiresAt", exp != null ? exp.toString() : null);
        d.put("expired", exp != null && !exp.isAfter(now));
        d.put("audience", text(c, "aud"));
        scopes.forEach(d.putArray("scopes")::add);
        roles.forEach(d.putArray("roles")::add);
        d.put("source", source);
        List<String> warnings = new ArrayList<>();
        if (appOnly) {
            warnings.add("this is an app-only token: current Microsoft Graph docs do not support application permissions"
                + " for profile positions; sign in as a user (posctl login --method device-code)");
        } else if (!scopes.contains("User.ReadWrite") && !scopes.contains("User.ReadWrite.All")) {
            warnings.add("the token's scopes cannot write positions (needs User.ReadWrite, or User.ReadWrite.All for other users)");
        }
        if (exp != null && !exp.isAfter(now)) {
            warnings.add("the token expired at " + exp);
        }
        // the claims are unverified text: an absurd value is said to be one, never quoted
        if (c.hasNonNull("exp") && exp == null) {
            warnings.add("the token's exp claim is not a time (seconds since 1970, before the year 10000)");
        }
        if (c.hasNonNull("nbf") && nbf == null) {
            warnings.add("the token's nbf claim is not a time (seconds since 1970, before the year 10000)");
        } else if (nbf != null && nbf.isAfter(now)) {
            warnings.add("the token is not valid before " + nbf);
        }
        return new Report(d, warnings);
    }

    private static String text(JsonNode c, String field) {
        return c.hasNonNull(field) ? c.get(field).asText() : null;
    }

    private static String first(JsonNode c, String... fields) {
        for (String f : fields) {
            if (c.hasNonNull(f)) {
                return c.get(f).asText();
            }
        }
        return null;
    }
}
