package dev.posctl.output;

import dev.posctl.validate.Location;

/**
 * GitHub Actions workflow commands ({@code ::error file=F,line=L,col=C,title=T::message}), which
 * the Actions UI shows on the line of the file; '%', CR and LF must be escaped, and ':' and ','
 * too in properties.
 */
public final class Annotations {
    private Annotations() {}

    /** @param level error, warning or notice; {@code where} null or {@code <stdin>} gives no file */
    public static String of(String level, Location where, String title, String message) {
        StringBuilder sb = new StringBuilder("::").append(level);
        String sep = " ";
        if (where != null && !where.source().startsWith("<")) {
            sb.append(sep).append("file=").append(property(where.source()));
            sep = ",";
            if (where.line() > 0) {
                sb.append(",line=").append(where.line());
                if (where.column() > 0) {
                    sb.append(",col=").append(where.column());
                }
            }
        }
        if (title != null) {
            sb.append(sep).append("title=").append(property(title));
        }
        return sb.append("::").append(data(message)).toString();
    }

    static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
