package dev.posctl.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class GraphPathsTest {
    @Test
    void idsBecomeSinglePathSegments() {
        assertEquals("adele%40contoso.com", GraphPaths.segment("adele@contoso.com"));
        assertEquals("a%2Fb%3Fc%23d%20e%25", GraphPaths.segment("a/b?c#d e%"));
        assertEquals("%2E", GraphPaths.segment("."));
        assertEquals("%2E%2E", GraphPaths.segment(".."));
        assertEquals("...", GraphPaths.segment("..."));
        assertEquals("J%C3%BCrgen%E2%82%AC%F0%9F%98%80x", GraphPaths.segment("J\u00fcrgen\u20ac\uD83D\uDE00x"));
        assertEquals("%3F", GraphPaths.segment("\uD800"), "a lone surrogate, as String.getBytes replaces it");
        assertEquals("/users/a%40b/profile/positions/p%2F1", GraphPaths.relativePosition("a@b", "p/1"));
        assertEquals("/me/profile/positions", GraphPaths.relativePositions("me"));
    }

    @Test
    void aSegmentThatNeedsNoEscapingIsTheIdItself() {
        String id = "pos-0123_ABC~x.y";
        assertSame(id, GraphPaths.segment(id));
    }

    @Test
    void everySegmentDecodesBackToItsIdAndParsesAsOnePathSegment() {
        for (String id : List.of("a@b.c", "x y", "\u00e9t\u00e9/2024", "100%", "+plus+", "\u4e2d\u6587", "tab\tnl\n")) {
            String seg = GraphPaths.segment(id);
            URI uri = URI.create("https://graph.microsoft.com/beta/users/" + seg + "/profile");
            assertEquals("/beta/users/" + seg + "/profile", uri.getRawPath());
            assertEquals(id, URLDecoder.decode(seg.replace("+", "%2B"), StandardCharsets.UTF_8), id);
        }
    }
}
