package dev.herald.platform.boundary;

import java.util.Set;

/**
 * The version a change was made against: the API's {@code If-Match} header, or the version an edit
 * page opened. A change that requires one is refused when it is {@link #missing()}, and refused as
 * stale when the thing's current version is not among those expected. {@link #any()} is
 * {@code If-Match: *}: whatever version is there now.
 */
public final class ExpectedVersion {

    private static final ExpectedVersion MISSING = new ExpectedVersion(false, Set.of());
    private static final ExpectedVersion ANY = new ExpectedVersion(true, Set.of());

    private final boolean any;
    private final Set<Long> versions;

    private ExpectedVersion(boolean any, Set<Long> versions) {
        this.any = any;
        this.versions = versions;
    }

    /** No version was given. */
    public static ExpectedVersion missing() {
        return MISSING;
    }

    /** Any current version will do (but the thing must exist). */
    public static ExpectedVersion any() {
        return ANY;
    }

    /** One of these versions; an empty set matches nothing (tags that are not Herald's, weak tags). */
    public static ExpectedVersion of(Set<Long> versions) {
        return new ExpectedVersion(false, Set.copyOf(versions));
    }

    public static ExpectedVersion of(long version) {
        return of(Set.of(version));
    }

    public boolean isMissing() {
        return this == MISSING;
    }

    /**
     * Checks the version read under the row's lock, in the transaction that makes the change.
     *
     * @throws VersionRequiredException when none was given
     * @throws StaleVersionException when the current version is not the expected one
     */
    public void check(String kind, Object id, long current) {
        if (isMissing()) {
            throw new VersionRequiredException(kind);
        }
        if (!any && !versions.contains(current)) {
            throw new StaleVersionException(kind, id, current);
        }
    }

    /**
     * The rule for things whose changes do not (yet) require a version: none given, no check (the
     * change is unconditional, as before issue 20); one given is checked as by {@link #check}.
     */
    public void checkIfGiven(String kind, Object id, long current) {
        if (!isMissing()) {
            check(kind, id, current);
        }
    }

    @Override
    public String toString() {
        return isMissing() ? "missing" : any ? "any" : versions.toString();
    }
}
