package dev.posctl.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.posctl.schema.Property;
import dev.posctl.schema.Schema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The sandbox's positions, in memory or in a JSON file that several processes may share. Every
 * mutation re-reads the file under an exclusive lock before applying, so concurrent posctl
 * processes never lose each other's writes. Thread-safe; results are copies the caller may keep.
 */
public final class SandboxStore {
    /** The identity the sandbox writes into createdBy and lastModifiedBy. */
    static final String ACTOR_ID = "00000000-5a4d-4b0c-8000-00000000005a";
    static final String ACTOR_NAME = "posctl sandbox";

    private final DataFile file;
    private SandboxData data;
    private Instant lastStamp = Instant.EPOCH;

    private SandboxStore(DataFile file, SandboxData data) {
        this.file = file;
        this.data = data;
    }

    /** A store held only in memory, seeded with the demo data. */
    public static SandboxStore inMemory() {
        return new SandboxStore(null, DemoData.build());
    }

    /**
     * The store in a data file, created with the demo data on first use; null means in memory.
     *
     * @throws SandboxDataException when the file holds something that is not sandbox data
     */
    public static SandboxStore open(Path dataFile) throws IOException {
        if (dataFile == null) {
            return inMemory();
        }
        DataFile f = new DataFile(dataFile);
        return f.locked(() -> {
            SandboxData d = f.read();
            if (d == null) {
                d = DemoData.build();
                f.write(d);
            }
            return new SandboxStore(f, d);
        });
    }

    /** Restores the demo data in a data file, under the same lock writers use. */
    public static void reset(Path dataFile) throws IOException {
        DataFile f = new DataFile(dataFile);
        f.locked(() -> {
            f.write(DemoData.build());
            return null;
        });
    }

    /** The data file, or null when in memory. */
    public Path dataFile() {
        return file == null ? null : file.path();
    }

    /** The user's positions in a stable order; empty for a user nobody has written to. */
    public synchronized List<ObjectNode> list(String user) {
        SandboxData.User u = current().find(user);
        List<ObjectNode> out = new ArrayList<>();
        if (u != null) {
            u.positions.values().forEach(p -> out.add(p.deepCopy()));
        }
        return out;
    }

    /** One page of the directory, as {@code GET /users} lists it: up to {@code limit} users from {@code offset}. */
    synchronized UserPage users(int offset, int limit) {
        List<SandboxData.User> all = current().users();
        List<ObjectNode> page = new ArrayList<>();
        int end = (int) Math.min((long) offset + limit, all.size());
        for (int i = Math.min(offset, all.size()); i < end; i++) {
            SandboxData.User u = all.get(i);
            ObjectNode o = Json.object();
            o.put("id", u.id);
            // a user the sandbox met only by name (posctl create --user x@contoso.com) is named by it
            String upn = u.userPrincipalName != null ? u.userPrincipalName : u.id.contains("@") ? u.id : null;
            if (upn != null) {
                o.put("userPrincipalName", upn);
            } else {
                o.putNull("userPrincipalName");
            }
            if (u.displayName != null) {
                o.put("displayName", u.displayName);
            } else {
                o.putNull("displayName");
            }
            page.add(o);
        }
        return new UserPage(page, end < all.size() ? end : -1);
    }

    /** @param next the offset of the next page, or -1 when this is the last */
    record UserPage(List<ObjectNode> users, int next) {}

    public synchronized Optional<ObjectNode> get(String user, String id) {
        SandboxData.User u = current().find(user);
        ObjectNode p = u == null ? null : u.positions.get(id);
        return Optional.ofNullable(p == null ? null : p.deepCopy());
    }

    /** Creates a position from a validated body; read-only properties in it are ignored. */
    public synchronized ObjectNode create(String user, ObjectNode body) {
        return mutate(d -> {
            ObjectNode p = Json.object();
            p.put("id", UUID.randomUUID().toString());
            copyWritable(body, p);
            String now = stamp();
            p.put("createdDateTime", now);
            p.set("createdBy", actor());
            p.put("lastModifiedDateTime", now);
            p.set("lastModifiedBy", actor());
            d.findOrAdd(user).positions.put(p.get("id").asText(), p);
            d.touched();
            return p.deepCopy();
        });
    }

    /**
     * Adds {@code count} users {@code user0@contoso.com} ... each holding one current position
     * {@code pos-0} ..., in one write: data for demos and the bulk benchmark.
     */
    public synchronized void seedUsers(int count) {
        mutate(d -> {
            String now = stamp();
            for (int i = 0; i < count; i++) {
                ObjectNode p = Json.object();
                p.put("id", "pos-" + i);
                p.put("isCurrent", true);
                ObjectNode detail = p.putObject("detail");
                detail.put("jobTitle", "Engineer");
                detail.put("startMonthYear", "2020-01-01");
                detail.putObject("company").put("displayName", "Contoso").put("department", "Engineering");
                p.put("createdDateTime", now);
                p.set("createdBy", actor());
                p.put("lastModifiedDateTime", now);
                p.set("lastModifiedBy", actor());
                d.findOrAdd("user" + i + "@contoso.com").positions.put("pos-" + i, p);
            }
            d.touched();
            return null;
        });
    }

    /**
     * Replaces each top-level property the body names, complex ones whole: deliberately no merge,
     * because the real service may drop what a partial {@code detail} leaves out.
     */
    public synchronized Optional<ObjectNode> update(String user, String id, ObjectNode body) {
        return mutate(d -> {
            SandboxData.User u = d.find(user);
            ObjectNode p = u == null ? null : u.positions.get(id);
            if (p == null) {
                return Optional.empty();
            }
            copyWritable(body, p);
            p.put("lastModifiedDateTime", stamp());
            p.set("lastModifiedBy", actor());
            d.touched();
            return Optional.of(p.deepCopy());
        });
    }

    public synchronized boolean delete(String user, String id) {
        return mutate(d -> {
            SandboxData.User u = d.find(user);
            if (u == null || u.positions.remove(id) == null) {
                return false;
            }
            d.touched();
            return true;
        });
    }

    private interface Mutation<T> {
        T apply(SandboxData d);
    }

    private <T> T mutate(Mutation<T> m) {
        if (file == null) {
            return m.apply(data);
        }
        try {
            return file.locked(() -> {
                // always re-read under the lock: a size+mtime check could miss a same-size write
                SandboxData d = file.read();
                data = d != null ? d : DemoData.build();
                long before = data.modCount();
                T result = m.apply(data);
                if (data.modCount() != before || d == null) {
                    file.write(data);
                }
                return result;
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The data, re-read when another process replaced the file (renames are atomic, no lock needed). */
    private SandboxData current() {
        if (file != null) {
            try {
                if (file.changed()) {
                    SandboxData d = file.read();
                    if (d != null) {
                        data = d;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return data;
    }

    private static void copyWritable(ObjectNode from, ObjectNode to) {
        Map<String, Property> props = Schema.get().workPosition().properties();
        for (Map.Entry<String, JsonNode> e : from.properties()) {
            Property p = props.get(e.getKey());
            if (p != null && p.isWritable()) {
                to.set(e.getKey(), e.getValue().deepCopy());
            }
        }
    }

    /** Strictly increasing, so that a client comparing lastModifiedDateTime always sees a change. */
    private String stamp() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (!now.isAfter(lastStamp)) {
            now = lastStamp.plus(1, ChronoUnit.MICROS);
        }
        lastStamp = now;
        return now.toString();
    }

    static ObjectNode actor() {
        ObjectNode set = Json.object();
        ObjectNode user = set.putObject("user");
        user.put("displayName", ACTOR_NAME);
        user.put("id", ACTOR_ID);
        return set;
    }
}
