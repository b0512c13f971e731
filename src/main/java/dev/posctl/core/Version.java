package dev.posctl.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** posctl's version, as Maven wrote it into the jar. */
public final class Version {
    private Version() {}

    /** What --version prints: posctl's version, then the Java it runs on. */
    public static String[] lines() {
        // concat, not +: the first + in a JVM bootstraps invokedynamic string concatenation, about 10 ms
        // that --version would otherwise spend on its two lines
        return new String[] {"posctl ".concat(get()), "Java ".concat(System.getProperty("java.version"))};
    }

    public static String get() {
        // from the jar's manifest, which loading this class has already read; opening a resource in
        // the jar would cost --version a tenth of its time
        String v = Version.class.getPackage().getImplementationVersion();
        if (v != null) {
            return v;
        }
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
