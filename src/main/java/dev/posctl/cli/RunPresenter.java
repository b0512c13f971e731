package dev.posctl.cli;

import dev.posctl.core.ExitCode;
import dev.posctl.core.PosctlException;
import dev.posctl.run.Outcome;
import dev.posctl.run.Run;

/** What a command shows of its run: outcomes to stdout and the CI reports, failures and notes to stderr. */
final class RunPresenter implements Run.Output {
    private final CommonOptions common;
    private final ResultPrinter printer;
    private final CiReports ci;

    RunPresenter(CommonOptions common, ResultPrinter printer, CiReports ci) {
        this.common = common;
        this.printer = printer;
        this.ci = ci;
    }

    @Override
    public void outcome(Outcome r) {
        if (ci != null) {
            ci.add(r);
        }
        if (r.isFailure() || r.status() == Outcome.Status.unknown) {
            common.editFailed(r.source(), (r.user() != null ? r.user() : "(no user)") + " " + (r.id() != null ? r.id() : "(no id)"),
                r.error());
        }
        printer.add(r);
    }

    @Override
    public void flush() {
        printer.flush();
    }

    @Override
    public void note(String message) {
        common.note(message);
    }

    @Override
    public void warn(String message) {
        common.err().println(message);
        common.err().flush();
    }

    /**
     * What every run says after its summary (stdout, a local file or a CI report that could not be
     * written; an interruption) and its exit code, in that order of precedence.
     *
     * @param stopped   how the run names itself when its journal stopped it ("the run", "the undo")
     * @param journal   how it names that journal ("the journal", "its journal")
     * @param resume    what to do after an interruption
     * @param ciFailure the CI report or summary that could not be written, or null
     */
    int ending(Run run, boolean interrupted, String stopped, String journal, String resume, PosctlException ciFailure) {
        String outputFailure = printer.writeFailure();
        if (outputFailure != null) {
            common.err().println("posctl: cannot write the output: " + outputFailure);
        }
        if (run.localFailure() != null) {
            common.err().println("posctl: " + run.localFailure().getMessage() + (run.stoppedByJournal()
                ? "; " + stopped + " stopped. What " + journal + " holds is intact: once it can be written, run again with --resume"
                : ""));
        }
        if (ciFailure != null) {
            common.err().println("posctl: " + ciFailure.getMessage() + "; the results on stdout are complete");
        }
        if (interrupted) {
            common.err().println("posctl: interrupted; " + resume);
            return ExitCode.INTERRUPTED;
        }
        if (outputFailure != null || ciFailure != null) {
            return ExitCode.CONFIG;
        }
        return run.exitCode();
    }
}
