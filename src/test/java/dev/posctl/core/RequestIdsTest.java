package dev.posctl.core;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RequestIdsTest {
    @Test
    void requestIdsAreVersion4Uuids() {
        String id = RequestIds.next();
        assertTrue(id.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"), id);
        assertTrue(!id.equals(RequestIds.next()));
    }
}
