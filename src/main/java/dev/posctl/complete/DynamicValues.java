package dev.posctl.complete;

import java.util.List;

/** Values that depend on the user's data rather than the command model: user ids, position ids, files. */
public interface DynamicValues {
    List<String> users();

    /** Position ids of a user; may answer with what is known now and learn more for next time. */
    List<String> positions(String user);

    /** Candidates for a path being typed, directories ending in '/'. */
    List<String> files(String prefix);
}
