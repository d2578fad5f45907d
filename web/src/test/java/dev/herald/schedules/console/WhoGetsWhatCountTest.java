package dev.herald.schedules.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WhoGetsWhatCountTest {

    @Test
    void aFewRecipientsAreAllShownAndCounted() {
        assertThat(ScheduleEditView.countLine(1, 1)).isEqualTo("1 recipient in all.");
        assertThat(ScheduleEditView.countLine(3, 3)).isEqualTo("3 recipients in all.");
        assertThat(ScheduleEditView.countLine(0, 0)).isEqualTo("0 recipients in all.");
    }

    @Test
    void manyRecipientsSayWhatIsShownAndWhatIsCounted() {
        assertThat(ScheduleEditView.countLine(40, 40))
                .isEqualTo("40 recipients in all, rows counted for the first 25.");
        assertThat(ScheduleEditView.countLine(812, 200))
                .isEqualTo("812 recipients in all, the first 200 shown, rows counted for the first 25.");
    }
}
