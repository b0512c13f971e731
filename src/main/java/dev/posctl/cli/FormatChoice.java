package dev.posctl.cli;

import dev.posctl.output.OutputFormat;
import java.util.List;

/** A command's {@link Formats}, as {@link CommandSpecs} records it (reading the annotation at run time would cost a proxy class). */
record FormatChoice(List<OutputFormat> value, OutputFormat terminal, OutputFormat pipe, String terminalAlso) {}
