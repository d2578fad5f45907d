package dev.herald.platform.boundary;

/**
 * A view of something that is changed whole and guarded against lost updates: {@link #version()} is
 * its JPA version, the API's entity tag and the version the console's edit pages keep.
 */
public interface Versioned {

    long version();
}
