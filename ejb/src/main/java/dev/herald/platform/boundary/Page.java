package dev.herald.platform.boundary;

import java.util.List;

/** One page of a list, as every list of the API answers it. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 200;

    /**
     * The last page number asked for that Herald reads: a million pages of 200 rows is beyond every
     * list it keeps, and the row offset ({@code page × size}) stays far inside an int.
     */
    public static final int MAX_PAGE = 1_000_000;

    /** The page size asked for (default {@value #DEFAULT_SIZE}); outside 1 to {@value #MAX_SIZE} it is refused. */
    public static int size(Integer requested) {
        if (requested == null) {
            return DEFAULT_SIZE;
        }
        if (requested < 1 || requested > MAX_SIZE) {
            throw ValidationException.of("size", "A page holds 1 to " + MAX_SIZE + " rows; " + requested + " is not.");
        }
        return requested;
    }

    /** The page number asked for (default 0); outside 0 to {@value #MAX_PAGE} it is refused. */
    public static int page(Integer requested) {
        if (requested == null) {
            return 0;
        }
        if (requested < 0 || requested > MAX_PAGE) {
            throw ValidationException.of(
                    "page", "Pages are numbered from 0 to " + MAX_PAGE + "; " + requested + " is not one of them.");
        }
        return requested;
    }

    /** The offset of the first row of a page: within an int for every page and size that pass the checks. */
    public static int offset(int page, int size) {
        return Math.toIntExact((long) page * size);
    }
}
