package dev.posctl.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;

/** Run in a separate JVM by the persistence test: a second process writing the same data file. */
public final class StoreWorker {
    private StoreWorker() {}

    public static void main(String[] args) throws Exception {
        SandboxStore store = SandboxStore.open(Path.of(args[0]));
        int n = Integer.parseInt(args[2]);
        for (int i = 0; i < n; i++) {
            ObjectNode body = Http.JSON.createObjectNode();
            body.putObject("detail").put("jobTitle", args[1] + "-" + i);
            store.create(args[1], body);
        }
    }
}
