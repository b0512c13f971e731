package dev.posctl.cli;

import dev.posctl.core.Version;
import picocli.CommandLine.IVersionProvider;

/** The version Maven wrote into the jar at build time. */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return Version.lines();
    }
}
