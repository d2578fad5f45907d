package dev.herald.schedules.boundary;

import java.util.List;

/**
 * The recipients of an item made per recipient and what each would get: the first
 * {@link #SHOWN} of {@code total}, with row counts for the first {@link #COUNTED}.
 */
public record WhoGetsWhatView(int total, List<RecipientPreviewView> recipients) {

    /** The most recipients shown. */
    public static final int SHOWN = 200;

    /** The most recipients whose rows are counted (each count is a query over the reporting data). */
    public static final int COUNTED = 25;
}
