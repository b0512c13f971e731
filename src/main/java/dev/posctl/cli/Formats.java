package dev.posctl.cli;

import dev.posctl.output.OutputFormat;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The {@code -o} formats a command renders. Help, man pages and completion list these and no
 * others; a default from the environment or a profile that is not among them falls back to the
 * command's own default, while an explicit {@code -o} that is not among them is a usage error.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@interface Formats {
    OutputFormat[] value();

    /** The command's own default on a terminal; off a terminal it is json where json is accepted. */
    OutputFormat terminal() default OutputFormat.table;

    /** The command's own default off a terminal. */
    OutputFormat pipe() default OutputFormat.json;

    /** When else the terminal default holds (export's files under --dir are YAML too), for the help text; empty for never. */
    String terminalAlso() default "";
}
