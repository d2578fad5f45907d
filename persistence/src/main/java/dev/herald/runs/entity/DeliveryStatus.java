package dev.herald.runs.entity;

/** Where one e-mail to one recipient is. */
public enum DeliveryStatus {
    /** Not tried yet. */
    PENDING,
    /**
     * An instance has begun the SMTP transaction and not yet recorded how it ended. If that
     * instance dies, the delivery is marked FAILED and in doubt: it may have been accepted.
     */
    SENDING,
    /** The SMTP server accepted the message. */
    SENT,
    /** A transient failure (connection refused, 4xx): tried again after a back-off. */
    RETRY,
    /** A permanent failure (5xx), the tries used up, or in doubt after its sender died. */
    FAILED,
    /** The run was cancelled before this e-mail was sent. */
    CANCELLED
}
