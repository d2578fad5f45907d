package dev.herald.runs.boundary;

import dev.herald.platform.boundary.ValidationException;

/**
 * Which runs a history lists and in what order: of one schedule (by id), of one status, of the
 * schedules whose name holds some text (at most {@value #MAX_NAME} characters), sorted by one column.
 */
public record RunQuery(Long scheduleId, String status, String scheduleName, Sort sort, boolean descending) {

    public static final int MAX_NAME = 200;

    /** The columns a run history sorts by; ties go newest first. */
    public enum Sort {
        CREATED("r.createdAt"),
        SCHEDULE("LOWER(r.scheduleName)"),
        SCHEDULED_FOR("r.scheduledFor"),
        FINISHED("r.finishedAt"),
        STATUS("r.status");

        private final String column;

        Sort(String column) {
            this.column = column;
        }

        /** The API's {@code sort} fields, named as in a run (see {@link dev.herald.platform.boundary.SortOrder}). */
        public static final java.util.Map<String, Sort> FIELDS = java.util.Map.of(
                "createdAt", CREATED,
                "scheduleName", SCHEDULE,
                "scheduledFor", SCHEDULED_FOR,
                "finishedAt", FINISHED,
                "status", STATUS);
    }

    public RunQuery {
        if (scheduleName != null && scheduleName.length() > MAX_NAME) {
            throw ValidationException.of(
                    "scheduleName", "A schedule name to look for has at most " + MAX_NAME + " characters.");
        }
        if (sort == null) {
            sort = Sort.CREATED;
            descending = true;
        }
    }

    String orderBy() {
        String direction = descending ? " DESC" : " ASC";
        if (sort == Sort.CREATED) {
            return "r.createdAt" + direction + ", r.id" + direction;
        }
        String nulls = sort == Sort.FINISHED || sort == Sort.SCHEDULED_FOR ? " NULLS LAST" : "";
        return sort.column + direction + nulls + ", r.createdAt DESC, r.id DESC";
    }
}
