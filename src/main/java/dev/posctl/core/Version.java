package dev.posctl.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** posctl's version, as Maven wrote it into the jar. */
public final class Version {
    private Version() {}

    /** What --version prints: posctl's version, then the Java it runs on. */
    public static String[] lines() {
        return new String[] {"posctl " + get(), "Java " + System.getProperty("java.version")};
    }

    public static String get() {
        Properties p = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("/dev/posctl/version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return p.getProperty("version", "unknown");
    }
}
