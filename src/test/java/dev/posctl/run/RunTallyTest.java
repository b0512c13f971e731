package dev.posctl.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class RunTallyTest {
    @Test
    void tenthsRoundLikeTheOldFormatAndNeverUseADecimalComma() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertEquals("0.0", RunTally.tenths(0));
            assertEquals("0.3", RunTally.tenths(0.25));
            assertEquals("12.3", RunTally.tenths(12.34));
            assertEquals("1.0", RunTally.tenths(0.96));
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void summaryAndProgressNameEveryCount() {
        RunTally t = new RunTally();
        t.total(5);
        t.add(Outcome.Status.updated);
        t.add(Outcome.Status.updated);
        t.add(Outcome.Status.failed);
        t.add(Outcome.Status.planned);
        String s = t.summary();
        assertTrue(s.matches("2 updated, 0 unchanged, 1 failed, 0 skipped, 1 planned \\(dry run: nothing was written\\) "
            + "in \\d+\\.\\d s \\(\\d+ edits/s\\)"), s);
        assertTrue(t.progress().matches("4/5  \\d+ edits/s  1 failed  ETA \\d+s"), t.progress());
    }

    @Test
    void aStoppedRunSaysWhatIsUnknownAndWhatWasNeverSent() {
        RunTally t = new RunTally();
        t.total(10);
        t.add(Outcome.Status.updated);
        t.add(Outcome.Status.unknown);
        t.add(Outcome.Status.unknown);
        assertTrue(t.summary().startsWith("1 updated, 0 unchanged, 0 failed, 0 skipped, 2 unknown (not recorded in the journal) in "),
            t.summary());
        t.stopped();
        assertTrue(t.summary().startsWith("1 updated, 0 unchanged, 0 failed, 0 skipped, 2 unknown (not recorded in the journal), "
            + "7 not sent in "), t.summary());
    }
}
