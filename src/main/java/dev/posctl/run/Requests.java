package dev.posctl.run;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.posctl.api.PositionService;
import dev.posctl.core.RequestIds;

/** A request as a dry run shows it: method, absolute URL, headers with the token redacted, body. */
final class Requests {
    private Requests() {
    }

    static ObjectNode shown(PositionService service, String method, String url, ObjectNode body) {
        ObjectNode req = JsonNodeFactory.instance.objectNode();
        req.put("method", method);
        req.put("url", service.paths().base() + url);
        ObjectNode headers = req.putObject("headers");
        service.client().headers(RequestIds.next(), body != null, true).forEach(headers::put);
        if (body != null) {
            req.set("body", body);
        }
        return req;
    }
}
