package dev.herald.runs.entity;

/** Where one report of a run is. */
public enum RunItemStatus {
    /** Not rendered yet. */
    PENDING,
    /** Rendered and stored; its deliveries say who got it. */
    RENDERED,
    /** The report had no rows and the item says to skip it when empty: nobody is mailed. */
    SKIPPED_EMPTY,
    /**
     * Made for one recipient who has no value of a kind the report is bound to (or no account): nothing
     * was made for them, and the run says so.
     */
    SKIPPED_NO_SCOPE,
    /** The report could not be rendered (its query failed or timed out): nobody is mailed. */
    FAILED,
    /** The run was cancelled before this report was rendered. */
    CANCELLED
}
