package dev.posctl.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.posctl.core.ExitCode;
import dev.posctl.core.PosctlException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The next page of a list, as the server's {@code @odata.nextLink} names it. The link is followed
 * with the bearer token, so it is followed only to the endpoint's own origin (scheme, host and
 * port): a server, or anything that can change its answer, must not be able to send the token to
 * another host, another port, or another loopback address.
 */
public final class NextLink {
    private static final int SHOWN = 200;

    private NextLink() {}

    /**
     * The URI to request next, or null when the page has no next link.
     *
     * @param what for messages, such as "list positions of adele@contoso.com"
     * @throws PosctlException (exit 4) when the link is not a string, not a URI, or leaves the endpoint's origin
     */
    public static URI of(JsonNode page, URI endpoint, String what) {
        JsonNode link = page.get("@odata.nextLink");
        if (link == null || link.isNull()) {
            return null;
        }
        if (!link.isTextual()) {
            throw new PosctlException(ExitCode.REJECTED, what + ": the answer's @odata.nextLink is not a string; not followed");
        }
        URI next;
        try {
            next = new URI(link.asText());
        } catch (URISyntaxException e) {
            throw refused(what, link.asText(), "is not a valid URL");
        }
        if (!next.isAbsolute() || next.getHost() == null) {
            throw refused(what, link.asText(), "is not an absolute http(s) URL");
        }
        if (!sameOrigin(next, endpoint)) {
            throw refused(what, link.asText(), "points away from the endpoint " + origin(endpoint));
        }
        return next;
    }

    /** Same scheme, host and port (a missing port is the scheme's default); user info is not allowed. */
    static boolean sameOrigin(URI a, URI b) {
        return a.getScheme() != null && b.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme())
            && a.getRawUserInfo() == null
            && a.getHost() != null && b.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost())
            && port(a) == port(b) && port(a) > 0;
    }

    private static int port(URI u) {
        if (u.getPort() != -1) {
            return u.getPort();
        }
        String s = u.getScheme().toLowerCase(Locale.ROOT);
        return s.equals("https") ? 443 : s.equals("http") ? 80 : -1;
    }

    private static String origin(URI u) {
        return u.getScheme() + "://" + u.getHost() + (u.getPort() != -1 ? ":" + u.getPort() : "");
    }

    private static PosctlException refused(String what, String link, String why) {
        return new PosctlException(ExitCode.REJECTED, what + ": the answer's @odata.nextLink \"" + shown(link) + "\" " + why
            + "; not followed (the token goes only to the endpoint)");
    }

    /** The link as the server sent it, cut short and without control characters: it is untrusted text. */
    static String shown(String link) {
        StringBuilder sb = new StringBuilder();
        link.codePoints().limit(SHOWN).forEach(c -> sb.appendCodePoint(Character.isISOControl(c) || c == 0x7f ? '?' : c));
        return link.codePointCount(0, link.length()) > SHOWN ? sb + "..." : sb.toString();
    }
}
