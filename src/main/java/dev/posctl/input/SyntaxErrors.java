package dev.posctl.input;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.ContentReference;
import com.fasterxml.jackson.core.json.JsonReadContext;
import com.fasterxml.jackson.core.json.UTF8StreamJsonParser;
import dev.posctl.json.Parsers;
import java.io.IOException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * Jackson's and SnakeYAML's words for broken input name their own classes, features and a
 * "[Source: REDACTED ...]" for every place; these say what is wrong in the input's terms, and
 * where (places in the parser's own numbering, which the caller moves to the input's).
 */
final class SyntaxErrors {
    /** A syntax error: where the parser stood (null when it cannot say) and what is wrong. */
    record Found(JsonLocation at, String message) {}

    private static final Pattern CHAR = Pattern.compile("^Unexpected character \\((.*) \\(code (\\d+)[^)]*\\)\\)( in numeric value)?: (.*)$");
    private static final Pattern MARKER = Pattern.compile("line: (\\d+), column: (\\d+)");
    private static final Pattern UTF8 = Pattern.compile("Invalid UTF-8 (?:start|middle) byte 0x([0-9a-fA-F]+)");
    private static final Pattern TOKEN = Pattern.compile("^(?:Unrecognized|Non-standard) token '(.*?)'");
    private static final Pattern CTRL = Pattern.compile("^Illegal (unquoted )?character \\(\\(CTRL-CHAR, code (\\d+)\\)\\)");
    private static final Pattern ESCAPE = Pattern.compile("^Unrecognized character escape (.*) \\(code (\\d+)\\)");
    private static final Pattern CLOSE = Pattern.compile("^Unexpected close marker '(.)': expected '(.)' \\(for (Object|Array) starting at");
    /** For {@code firstLine}: the input is one line, whose number the caller does not know yet. */
    static final int SAME_LINE = -1;
    private static final String VALUES = "a string, number, array, object, true, false or null";

    private SyntaxErrors() {}

    /**
     * @param firstLine the input line on which the parser's line 1 stands, or {@link #SAME_LINE}
     * @param firstByte the input offset of the parser's first byte
     */
    static Found describe(Throwable e, int firstLine, long firstByte) {
        Utf8Check.NotUtf8 bad = find(e, Utf8Check.NotUtf8.class);
        if (bad != null) {
            return new Found(new JsonLocation(ContentReference.unknown(), bad.offset(), bad.line(), bad.column()), bad.getMessage());
        }
        MarkedYAMLException marked = find(e, MarkedYAMLException.class);
        if (marked != null) {
            return yaml(marked, firstLine);
        }
        ReaderException unreadable = find(e, ReaderException.class);
        if (unreadable != null) {
            return new Found(null, "character " + codePoint(unreadable.getCodePoint()) + " is not allowed in YAML text (it is character "
                + (unreadable.getPosition() + 1) + " of the input)");
        }
        if (e instanceof StreamConstraintsException) {
            return new Found(((JsonProcessingException) e).getLocation(), Parsers.limitExceeded(((JsonProcessingException) e).getOriginalMessage()));
        }
        if (e instanceof JsonProcessingException) {
            JsonProcessingException j = (JsonProcessingException) e;
            return json(j, firstLine, firstByte);
        }
        boolean words = e instanceof IOException || find(e, YAMLException.class) != null;
        return new Found(null, words ? plain(String.valueOf(e.getMessage())) : "cannot parse this input");
    }

    private static Found json(JsonProcessingException e, int firstLine, long firstByte) {
        String m = String.valueOf(e.getOriginalMessage());
        JsonLocation at = e.getLocation();
        Matcher utf8 = UTF8.matcher(m);
        if (utf8.find() && at != null) {
            // the parser stands just past the byte it could not take
            long offset = firstByte + Math.max(0, at.getByteOffset() - 1);
            JsonLocation back = new JsonLocation(ContentReference.unknown(), at.getByteOffset() - 1, at.getLineNr(), Math.max(1, at.getColumnNr() - 1));
            return new Found(back, Utf8Check.message(Integer.parseInt(utf8.group(1), 16), offset));
        }
        return new Found(at, jsonMessage(m, e, firstLine));
    }

    private static String jsonMessage(String m, JsonProcessingException e, int firstLine) {
        if (m.startsWith("Unexpected end-of-input")) {
            if (m.contains("VALUE_STRING") || m.contains("closing quote")) {
                return "unexpected end of input: a string is not closed (its closing \" is missing)";
            }
            if (m.contains("field name")) {
                return "unexpected end of input inside a field name";
            }
            String open = opened(e, m, firstLine);
            return "unexpected end of input" + (open != null ? ": the " + open + " is not closed" : "");
        }
        Matcher c = CHAR.matcher(m);
        if (c.find()) {
            int code = Integer.parseInt(c.group(2));
            // the byte parser names the first byte of a character, which only ASCII makes a character
            String found = code >= 0x80 && code <= 0xff && e.getProcessor() instanceof UTF8StreamJsonParser ? "a non-ASCII character"
                : character(code);
            String rest = c.group(4);
            if (c.group(3) != null) {
                return "bad number: " + number(rest) + ", found " + found;
            }
            if (rest.contains("colon to separate")) {
                return "expected ':' after the field name, found " + found;
            }
            if (rest.contains("separate Object entries")) {
                return "expected ',' or '}' after the value, found " + found;
            }
            if (rest.contains("separate Array entries")) {
                return "expected ',' or ']' after the value, found " + found;
            }
            if (rest.contains("start field name")) {
                return "expected a field name in double quotes, found " + found;
            }
            if (rest.contains("comment")) {
                return "JSON has no comments, found " + found;
            }
            if (rest.contains("root-level")) {
                return "expected a line break or space between values, found " + found;
            }
            return "expected a value (" + VALUES + "), found " + found;
        }
        Matcher t = TOKEN.matcher(m);
        if (t.find()) {
            return "'" + t.group(1) + "' is not a JSON value (expected " + VALUES + ")";
        }
        Matcher ctrl = CTRL.matcher(m);
        if (ctrl.find()) {
            String u = codePoint(Integer.parseInt(ctrl.group(2)));
            return ctrl.group(1) != null ? "control character " + u + " in a string: write it as \\u" + u.substring(2)
                : "control character " + u + " between values: only spaces, tabs and line breaks may stand there";
        }
        Matcher esc = ESCAPE.matcher(m);
        if (esc.find()) {
            return "unknown escape \\" + printable(Integer.parseInt(esc.group(2))) + " in a string";
        }
        Matcher close = CLOSE.matcher(m);
        if (close.find()) {
            String open = opened(e, m, firstLine);
            return "found '" + close.group(1) + "' but expected '" + close.group(2) + "'"
                + (open != null ? ": the " + open + " is not closed" : "");
        }
        if (m.startsWith("Unexpected close marker")) {
            return "found '" + m.charAt("Unexpected close marker '".length()) + "' with nothing open to close";
        }
        if (m.startsWith("Invalid numeric value")) {
            return "bad number: " + number(m.substring(m.indexOf(':') + 1).trim());
        }
        return plain(m);
    }

    /** "object opened at line L, column C" for the object or array the parser was in, or null. */
    private static String opened(JsonProcessingException e, String m, int firstLine) {
        String kind = null;
        int line = 0;
        int column = 0;
        if (e.getProcessor() instanceof JsonParser) {
            JsonStreamContext c = ((JsonParser) e.getProcessor()).getParsingContext();
            if (c instanceof JsonReadContext && (c.inArray() || c.inObject())) {
                JsonLocation l = ((JsonReadContext) c).startLocation(ContentReference.unknown());
                kind = c.inArray() ? "array" : "object";
                line = l.getLineNr();
                column = l.getColumnNr();
            }
        }
        Matcher at = MARKER.matcher(m);
        if (at.find()) {
            kind = kind != null ? kind : m.contains("for Array") ? "array" : "object";
            line = Integer.parseInt(at.group(1));
            column = Integer.parseInt(at.group(2));
        }
        if (kind == null || line < 1) {
            return null;
        }
        return kind + " opened at " + (firstLine == SAME_LINE ? "" : "line " + (firstLine + line - 1) + ", ") + "column " + column;
    }

    private static String number(String jackson) {
        String m = jackson.toLowerCase(Locale.ROOT);
        if (m.contains("minus sign")) {
            return "a digit must follow '-'";
        }
        if (m.contains("decimal point")) {
            return "a digit must follow the decimal point";
        }
        if (m.contains("exponent")) {
            return "a digit must follow the exponent 'e'";
        }
        if (m.contains("leading zero")) {
            return "a number may not start with 0";
        }
        return "not a JSON number";
    }

    private static Found yaml(MarkedYAMLException e, int firstLine) {
        Mark problemAt = e.getProblemMark();
        Mark contextAt = e.getContextMark();
        String problem = String.valueOf(e.getProblem());
        String context = e.getContext() == null ? "" : e.getContext();
        JsonLocation at = problemAt != null ? new JsonLocation(ContentReference.unknown(), problemAt.getIndex(),
            problemAt.getLine() + 1, problemAt.getColumn() + 1) : null;
        String where = contextAt == null ? "" : " at line " + (firstLine + contextAt.getLine()) + ", column " + (contextAt.getColumn() + 1);
        String thing = context.contains("flow sequence") || context.contains("block collection") || context.contains("block sequence") ? "list"
            : context.contains("mapping") ? "mapping" : context.contains("quoted scalar") ? "quoted string" : null;
        String message;
        if (problem.contains("end of stream") || problem.contains("<stream end>")) {
            message = "unexpected end of input" + (thing != null ? ": the " + thing + " opened" + where + " is not closed"
                : problem.contains("node content") ? ": a value is missing" : "");
        } else if (problem.contains("mapping values are not allowed")) {
            message = "a 'key: value' is not allowed here (check the indentation, or quote a value that holds ': ')";
        } else if (problem.contains("<block end>") && thing != null) {
            message = "the indentation does not match the " + thing + " that starts" + where;
        } else if (problem.contains("(TAB)")) {
            message = "a tab cannot indent YAML: indent with spaces";
        } else if (problem.contains("cannot start any token")) {
            int q = problem.indexOf('\'');
            message = "a plain value cannot start with " + problem.substring(q, problem.indexOf('\'', q + 1) + 1) + ": quote the value";
        } else if (problem.contains("incompatible YAML document")) {
            message = "unsupported YAML version: posctl reads YAML 1.x";
        } else if (problem.contains("unknown escape character")) {
            message = "unknown escape in a double-quoted string: \\" + problem.substring("found unknown escape character ".length()).replaceAll("\\(\\d+\\)$", "");
        } else if (problem.contains("<document start>")) {
            message = "a new document must start with '---'";
        } else if (problem.startsWith("expected ',' or") && problem.contains("but got") && thing != null) {
            String got = problem.substring(problem.indexOf("but got ") + "but got ".length()).trim();
            message = "expected " + problem.substring("expected ".length(), problem.indexOf(", but got")) + " in the " + thing + " opened" + where
                + ", found " + (got.startsWith("'") || got.startsWith("<") ? tokens(got) : "'" + got + "'");
        } else if (problem.contains("but got") || problem.contains("but found")) {
            message = tokens(problem) + (thing != null ? " in the " + thing + " opened" + where : "");
        } else {
            message = tokens(problem) + (thing != null ? " in the " + thing + where : "");
        }
        return new Found(at, message);
    }

    /** SnakeYAML's token names, in the words of the YAML a user writes. */
    private static String tokens(String s) {
        return plain(s.replace("'<document start>'", "'---'").replace("<document start>", "'---'")
            .replace("'<block mapping start>'", "a new mapping").replace("<block mapping start>", "a new mapping")
            .replace("'<block sequence start>'", "a new list").replace("<block end>", "the end of the indented block")
            .replace("<stream end>", "the end of input").replace("'?'", "a key")
            .replace("<", "").replace(">", ""));
    }

    /** The last resort: Jackson's words without its internals. */
    static String plain(String message) {
        String m = message;
        int nl = m.indexOf('\n');
        m = (nl >= 0 ? m.substring(0, nl) : m).trim();
        m = m.replaceAll("\\s*\\(?(?:for \\w+ )?(?:start marker )?(?:at )?\\[Source:[^\\]]*\\]\\)?", "");
        m = m.replaceAll("\\s*\\(code \\d+[^)]*\\)", "");
        m = m.replaceAll("[:;,]?\\s*[^:;,]*`[^`]*`[^:;,]*", "");
        m = m.replaceAll("\\b(?:java|javax|com|org|sun)\\.[\\w.$]+(?:Exception|Error)\\b:?\\s*", "");
        m = m.replaceAll("\\b\\w+(?:Exception|Error)\\b:?\\s*", "");
        m = m.replace("end-of-input", "end of input").trim();
        if (m.isEmpty()) {
            return "not valid JSON or YAML";
        }
        return Character.toLowerCase(m.charAt(0)) + m.substring(1);
    }

    private static String character(int code) {
        return code < 0x20 || code == 0x7f || code == 0xfffd || (code >= 0x80 && code < 0xa0) ? codePoint(code) : "'" + printable(code) + "'";
    }

    private static String printable(int code) {
        return code < 0x20 || code == 0x7f ? codePoint(code) : new String(Character.toChars(code));
    }

    private static String codePoint(int code) {
        return String.format("U+%04X", code);
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
