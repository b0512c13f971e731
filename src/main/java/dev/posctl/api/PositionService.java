package dev.posctl.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.posctl.core.ExitCode;
import dev.posctl.core.PosctlException;
import dev.posctl.http.GraphClient;
import dev.posctl.http.GraphError;
import dev.posctl.http.GraphPaths;
import dev.posctl.http.GraphResponse;
import dev.posctl.http.NextLink;
import dev.posctl.http.OutcomeUnknown;
import dev.posctl.output.TerminalText;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** The positions API as plain calls: get, list (all pages), create, delete, and finding the current one. */
public final class PositionService {
    private static final int MAX_PAGES = 10_000;
    // a directory of millions of users at Graph's largest page (999) is a few thousand pages
    private static final int MAX_USER_PAGES = 100_000;
    private final GraphClient client;
    private final GraphPaths paths;

    public PositionService(GraphClient client, GraphPaths paths) {
        this.client = client;
        this.paths = paths;
    }

    public GraphClient client() {
        return client;
    }

    public GraphPaths paths() {
        return paths;
    }

    public GraphResponse fetch(String user, String id) {
        return client.get(paths.position(user, id));
    }

    /** The position; an answer that is no position (a JSON object with an id) is refused, never shown or merged. */
    public JsonNode get(String user, String id) {
        String what = "get position " + id + " of " + user;
        JsonNode body = checked(fetch(user, id), what).body();
        String problem = PositionAnswer.problem(body);
        if (problem != null) {
            throw new PosctlException(ExitCode.REJECTED, what + ": " + problem);
        }
        return body;
    }

    public List<JsonNode> list(String user) {
        return list(user, client.get(paths.positions(user)));
    }

    /**
     * The user's positions from the answer to the first page (a $batch item's, say) and every page
     * its {@code @odata.nextLink} names, followed only to the endpoint's origin.
     */
    public List<JsonNode> list(String user, GraphResponse first) {
        List<JsonNode> out = new ArrayList<>();
        URI endpoint = paths.positions(user);
        GraphResponse answer = first;
        for (int page = 1; ; page++) {
            JsonNode body = checked(answer, "list positions of " + user).body();
            if (body == null || !body.path("value").isArray()) {
                throw new PosctlException(ExitCode.REJECTED, "list positions of " + user + ": the answer has no \"value\" array");
            }
            body.get("value").forEach(out::add);
            URI next = NextLink.of(body, endpoint, "list positions of " + user);
            if (next == null) {
                return out;
            }
            if (page >= MAX_PAGES) {
                throw new PosctlException(ExitCode.REJECTED, "list of " + user + ": more than " + MAX_PAGES + " pages; giving up");
            }
            answer = client.get(next);
        }
    }

    /** Receives the directory's users one at a time; false stops the paging. */
    public interface UserSink {
        boolean accept(String id, String userPrincipalName) throws InterruptedException;
    }

    /**
     * Every user in the directory ({@code GET /users?$select=id,userPrincipalName&$top=999}), page by
     * page as they come: nothing is held beyond one page. Graph's largest page (999, not its default
     * 100) makes a tenant of 100,000 users 100 requests. Its nextLinks stay on the endpoint's origin.
     */
    public void users(UserSink sink) throws InterruptedException {
        URI endpoint = paths.absolute("/users?$select=id,userPrincipalName&$top=999");
        URI next = endpoint;
        for (int page = 0; next != null; page++) {
            if (page >= MAX_USER_PAGES) {
                throw new PosctlException(ExitCode.REJECTED, "list users: more than " + MAX_USER_PAGES + " pages; giving up");
            }
            GraphResponse r = client.get(next);
            if (r.status() == 403) {
                GraphError e = GraphError.of(r);
                throw new FailedCall(ExitCode.AUTH, "list users: " + TerminalText.escape(e.describe())
                    + "; --all-users needs the User.Read.All permission (or name the users with --user or -f)", e);
            }
            JsonNode body = checked(r, "list users").body();
            if (body == null || !body.path("value").isArray()) {
                throw new PosctlException(ExitCode.REJECTED, "list users: the answer has no \"value\" array");
            }
            int i = 0;
            for (JsonNode u : body.get("value")) {
                i++;
                String id = text(u, "id");
                if (id == null) {
                    throw new PosctlException(ExitCode.REJECTED, "list users: item " + i + " of page " + (page + 1)
                        + " has no \"id\" string");
                }
                if (!sink.accept(id, text(u, "userPrincipalName"))) {
                    return;
                }
            }
            next = NextLink.of(body, endpoint, "list users");
        }
    }

    private static String text(JsonNode o, String name) {
        JsonNode v = o.get(name);
        return v != null && v.isTextual() && !v.asText().isBlank() ? v.asText() : null;
    }

    /**
     * POST is not retried once it may have reached the server (see GraphClient.send): a 5xx answer
     * or a failure after sending leaves the outcome unknown, and the message says how to find out.
     */
    public JsonNode create(String user, ObjectNode body) {
        GraphResponse r;
        try {
            r = client.post(paths.positions(user), body);
        } catch (OutcomeUnknown e) {
            throw unknown(user, e.getMessage());
        }
        if (r.status() >= 500) {
            throw unknown(user, "the server answered " + GraphError.of(r).describe() + " after the request was sent");
        }
        return checked(r, "create a position for " + user).body();
    }

    private static PosctlException unknown(String user, String what) {
        return new PosctlException(ExitCode.REJECTED, "create for " + user + ": " + what
            + "; the outcome is unknown: the position may or may not have been created: check with posctl list --user " + user);
    }

    public void delete(String user, String id) {
        checked(client.delete(paths.position(user, id)), "delete position " + id + " of " + user);
    }

    /** The DELETE's answer as it came, for bulk runs that tell deleted, notFound and failed apart. */
    public GraphResponse deleteAnswer(String user, String id) {
        return client.delete(paths.position(user, id));
    }

    /** The user's position with isCurrent true; an error when there is none or several. */
    public JsonNode current(String user) {
        List<String> ids = new ArrayList<>();
        JsonNode found = null;
        List<JsonNode> all = list(user);
        for (int i = 0; i < all.size(); i++) {
            JsonNode p = all.get(i);
            // a list that holds no positions cannot say which one is current: trust none of it
            if (!p.isObject()) {
                throw new PosctlException(ExitCode.REJECTED, "cannot find the current position of " + user + ": item " + (i + 1)
                    + " of the list answer is " + PositionAnswer.kind(p) + ", not a JSON object");
            }
            if (p.path("isCurrent").asBoolean(false)) {
                ids.add(p.path("id").asText());
                found = p;
            }
        }
        if (ids.size() != 1) {
            throw new PosctlException(ExitCode.REJECTED, user + " has " + (ids.isEmpty() ? "no current position" : ids.size()
                + " current positions (" + String.join(", ", ids) + ")") + "; name one with --id");
        }
        JsonNode id = found.get("id");
        if (id == null || !id.isTextual() || id.asText().isEmpty()) {
            throw new PosctlException(ExitCode.REJECTED, "cannot find the current position of " + user
                + ": the list answer gives it no id");
        }
        return found;
    }

    static GraphResponse checked(GraphResponse r, String what) {
        if (!r.ok()) {
            GraphError e = GraphError.of(r);
            throw new FailedCall(exitCode(e), what + ": " + TerminalText.escape(e.describe()), e);
        }
        return r;
    }

    public static int exitCode(GraphError e) {
        if (e.isAuth()) {
            return ExitCode.AUTH;
        }
        if (e.status() == 429 || e.status() == 503 || e.status() == 504) {
            return ExitCode.UNREACHABLE;
        }
        return ExitCode.REJECTED;
    }
}
