package dev.posctl.shell;

import java.util.List;

/** Runs one command line's words through the command tree and answers its exit code. */
@FunctionalInterface
public interface LineRunner {
    int run(List<String> words);
}
