package dev.posctl.http;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What came back, after retries.
 *
 * @param url       what was asked, for messages (absolute, or relative to the version root inside a batch)
 * @param body      the parsed JSON body, or null when there was none (204) or it was not JSON
 * @param requestId the server's {@code request-id} header, or the one inside an error body
 */
public record GraphResponse(String method, String url, int status, JsonNode body, String requestId,
                            String clientRequestId, int attempts) {

    public boolean ok() {
        return status >= 200 && status < 300;
    }
}
