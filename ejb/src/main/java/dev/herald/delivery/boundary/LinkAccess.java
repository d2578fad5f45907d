package dev.herald.delivery.boundary;

import dev.herald.runs.entity.Delivery;
import dev.herald.runs.entity.RunItem;
import java.time.Instant;

/** What a download link (or a file sent by link, fetched from the person's own list) leads to. */
public sealed interface LinkAccess {

    /** The file, for this person. */
    record Granted(RunFile file) implements LinkAccess {}

    /** The link was real and theirs, but it (or the file behind it) has expired. */
    record Expired(Instant expiredAt) implements LinkAccess {}

    /** The link was real and theirs, but staff withdrew it. */
    record Withdrawn(Instant withdrawnAt) implements LinkAccess {}

    /** Not a link, or not theirs: told apart from nothing, so that guessing learns nothing. */
    record Refused() implements LinkAccess {}

    /**
     * What one delivery's link gives its rightful holder now. The same rule serves the link in the
     * e-mail, the portal's Files list and the API's my-files: withdrawn there means withdrawn everywhere.
     * A withdrawal is told first; then a link past its lifetime, or whose file retention removed.
     */
    static LinkAccess of(Delivery delivery, Instant now) {
        if (delivery.getLinkRevokedAt() != null) {
            return new Withdrawn(delivery.getLinkRevokedAt());
        }
        RunItem item = delivery.getItem();
        Instant expires = delivery.getLinkExpiresAt();
        if (expires == null || !expires.isAfter(now)) {
            return new Expired(expires);
        }
        if (!item.hasFile(now)) {
            return new Expired(item.getFilePurgedAt() != null ? item.getFilePurgedAt() : item.getFileKeptUntil());
        }
        return new Granted(RunFile.of(item));
    }

    /** Whether the link opens now. */
    static boolean opens(Delivery delivery, Instant now) {
        return of(delivery, now) instanceof Granted;
    }
}
