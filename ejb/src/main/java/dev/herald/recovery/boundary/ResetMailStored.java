package dev.herald.recovery.boundary;

/** A new-password e-mail was stored as a notice in the current transaction. */
public record ResetMailStored(long linkId) {}
