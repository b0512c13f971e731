package dev.posctl.sandbox;

import java.util.List;
import java.util.Map;

/**
 * Maps a request's decoded path segments to a position handler. Works on segments, never on the
 * joined path, so a decoded '/' or '..' inside an id cannot change which route is taken.
 */
final class Router {
    private static final String POSITIONS_ALLOW = "GET, POST";
    private static final String POSITION_ALLOW = "GET, PATCH, DELETE";

    private final PositionHandlers positions;
    private final UserHandlers users;
    private final String meUser;

    Router(PositionHandlers positions, UserHandlers users, String meUser) {
        this.positions = positions;
        this.users = users;
        this.meUser = meUser;
    }

    /** Answers the request; every failure becomes a Graph error, nothing escapes. */
    SandboxResponse handle(SandboxRequest r) {
        try {
            return route(r);
        } catch (GraphException e) {
            return GraphErrors.response(e, r.requestId(), r.clientRequestId());
        } catch (RuntimeException e) {
            return GraphErrors.response(500, "generalException",
                "An internal error occurred in the sandbox while handling the request.", Map.of(),
                r.requestId(), r.clientRequestId());
        }
    }

    private SandboxResponse route(SandboxRequest r) {
        List<String> s = r.segments();
        if (s.size() >= 3 && s.get(0).equals("me") && isPositions(s, 1)) {
            return positions(r, meUser, s.subList(3, s.size()));
        }
        if (s.size() >= 4 && s.get(0).equals("users") && isPositions(s, 2)) {
            return positions(r, user(s.get(1)), s.subList(4, s.size()));
        }
        if (s.size() == 1 && s.get(0).equals("users")) {
            requireMethod(r, "GET", "GET");
            return users.list(r);
        }
        if (s.size() == 4 && s.get(0).equals("user") && isPositions(s, 2)) {
            // the founding document's form: the position id travels in the body
            requireMethod(r, "PATCH", "PATCH");
            return positions.seedPatch(r, user(s.get(1)));
        }
        if (!s.isEmpty() && s.get(0).equals("$batch")) {
            throw GraphException.badRequest("A $batch request cannot contain another $batch request.");
        }
        throw new GraphException(404, "ResourceNotFound", "Resource not found for the segment '"
            + (s.isEmpty() ? "" : s.get(s.size() - 1)) + "'; the sandbox serves /beta/users/{user}/profile/positions,"
            + " /beta/me/profile/positions and /beta/$batch.");
    }

    private static boolean isPositions(List<String> s, int at) {
        return s.get(at).equals("profile") && s.get(at + 1).equals("positions");
    }

    private static String user(String segment) {
        if (segment.isEmpty()) {
            throw GraphException.badRequest("The user id in the path is empty.");
        }
        return segment;
    }

    private SandboxResponse positions(SandboxRequest r, String user, List<String> rest) {
        if (rest.isEmpty()) {
            return switch (r.method()) {
                case "GET" -> positions.list(r, user);
                case "POST" -> positions.create(r, user);
                default -> throw notAllowed(r, POSITIONS_ALLOW);
            };
        }
        if (rest.size() == 1) {
            String id = rest.get(0);
            if (id.isEmpty()) {
                throw GraphException.badRequest("The position id in the path is empty.");
            }
            return switch (r.method()) {
                case "GET" -> positions.get(r, user, id);
                case "PATCH" -> positions.update(r, user, id);
                case "DELETE" -> positions.delete(r, user, id);
                default -> throw notAllowed(r, POSITION_ALLOW);
            };
        }
        throw new GraphException(404, "ResourceNotFound", "Resource not found for the segment '" + rest.get(1) + "'.");
    }

    private static void requireMethod(SandboxRequest r, String method, String allow) {
        if (!r.method().equals(method)) {
            throw notAllowed(r, allow);
        }
    }

    private static GraphException notAllowed(SandboxRequest r, String allow) {
        return new GraphException(405, "MethodNotAllowed", "The HTTP method '" + r.method()
            + "' is not allowed on this resource; allowed: " + allow + ".", Map.of("Allow", allow));
    }
}
