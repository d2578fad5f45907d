package dev.herald.schedules.console;

import dev.herald.schedules.boundary.RecurrenceView;
import dev.herald.schedules.boundary.RecurrenceWords;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/** A schedule's timetable in words, for the console's pages ({@link RecurrenceWords}). */
@Named("recurrenceWords")
@ApplicationScoped
public class RecurrenceWordsView {

    /** "Every 2 weeks on Monday and Thursday at 08:00, Europe/London, from 1 Dec 2026". */
    public String summary(RecurrenceView recurrence) {
        return RecurrenceWords.summary(recurrence);
    }

    /** Which week (day, month) a series that skips some counts from; null when none is skipped. */
    public String anchor(RecurrenceView recurrence) {
        return RecurrenceWords.anchor(recurrence);
    }
}
