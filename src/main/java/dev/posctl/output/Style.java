package dev.posctl.output;

/** ANSI styling that is a no-op unless colour is on (a terminal, no NO_COLOR, no --no-color). */
public final class Style {
    private final boolean on;

    public Style(boolean on) {
        this.on = on;
    }

    public boolean enabled() {
        return on;
    }

    public String red(String s) {
        return wrap("31", s);
    }

    public String yellow(String s) {
        return wrap("33", s);
    }

    public String green(String s) {
        return wrap("32", s);
    }

    public String bold(String s) {
        return wrap("1", s);
    }

    private String wrap(String code, String s) {
        return on ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
    }
}
