package dev.herald.platform.boundary;

import java.util.List;

/** One page of a list, as every list of the API answers it. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 200;

    /** The page size asked for, within 1 and {@link #MAX_SIZE}. */
    public static int size(Integer requested) {
        if (requested == null || requested < 1) {
            return DEFAULT_SIZE;
        }
        return Math.min(requested, MAX_SIZE);
    }

    public static int page(Integer requested) {
        return requested == null || requested < 0 ? 0 : requested;
    }
}
