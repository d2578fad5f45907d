package dev.herald.runs.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A run taken over keeps the note on how it came about, and says only the latest take-over. */
class RunNotesTest {

    @Test
    void aTakeOverOfARunWithoutANoteSaysWhoStopped() {
        assertThat(RunOwnership.takenOver("node-1/abc", null))
                .isEqualTo("Taken over from node-1/abc, which stopped heartbeating.");
    }

    @Test
    void aCatchUpRunTakenOverStillSaysItIsACatchUp() {
        String catchUp = "1 run(s) fell due between 2026-12-05T06:00:00Z and 2026-12-05T06:00:00Z while Herald"
                + " was not running; catching up once (misfire policy RUN_ONCE).";
        assertThat(RunOwnership.takenOver("node-2/def", catchUp))
                .isEqualTo("Taken over from node-2/def, which stopped heartbeating. " + catchUp);
    }

    @Test
    void aSecondTakeOverReplacesTheFirstAndKeepsTheRest() {
        String resend = "Resending 2 failed e-mails, asked by admin.";
        String once = RunOwnership.takenOver("node-1/abc", resend);
        assertThat(RunOwnership.takenOver("node-2/def", once))
                .isEqualTo("Taken over from node-2/def, which stopped heartbeating. " + resend);
    }
}
