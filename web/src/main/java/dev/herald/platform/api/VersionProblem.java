package dev.herald.platform.api;

/**
 * The 412 problem of a change made against a version that is no longer current: the problem's
 * members and {@code currentVersion}, whose entity tag the answer's {@code ETag} header also carries.
 */
public record VersionProblem(String type, String title, int status, String detail, long currentVersion) {}
