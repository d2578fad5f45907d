package dev.herald.audit.boundary;

import java.time.Instant;

/**
 * Which audit lines to show; every part is optional. {@code action} matches the action and every
 * action under it ("login" finds login, login.failed and login.refused.blocked); {@code from} is
 * inclusive and {@code to} exclusive.
 */
public record AuditFilter(String actor, String action, String targetType, String targetId, Instant from, Instant to) {}
