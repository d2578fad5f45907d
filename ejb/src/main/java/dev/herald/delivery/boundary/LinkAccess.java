package dev.herald.delivery.boundary;

import java.time.Instant;

/** What a download link leads to for the person who followed it. */
public sealed interface LinkAccess {

    /** The file, for this person. */
    record Granted(RunFile file) implements LinkAccess {}

    /** The link was real and theirs, but it (or the file) has expired. */
    record Expired(Instant expiredAt) implements LinkAccess {}

    /** Not a link, or not theirs: told apart from nothing, so that guessing learns nothing. */
    record Refused() implements LinkAccess {}
}
