package dev.posctl.cli;

import picocli.CommandLine.Option;

/** {@code --user} and {@code --id} for the commands that address one position. */
public final class TargetOptions {
    @Option(names = {"-u", "--user"}, required = true, paramLabel = "USER", converter = NonBlank.class,
        description = "The user: object id, userPrincipalName or 'me'.")
    String user;

    @Option(names = "--id", required = true, converter = NonBlank.class, paramLabel = "ID", description = "The position id.")
    String id;
}
