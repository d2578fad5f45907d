package dev.herald.summaries.boundary;

import java.time.Instant;

/** What a summary link leads to. */
public sealed interface SummaryAccess {

    /** The page, and the PDF's name and size. */
    record Granted(String page, String fileName, long bytes) implements SummaryAccess {}

    /** The link was real but has expired or was withdrawn. */
    record Gone(Instant since, boolean withdrawn) implements SummaryAccess {}

    /** Not a summary link: told apart from nothing. */
    record Refused() implements SummaryAccess {}
}
