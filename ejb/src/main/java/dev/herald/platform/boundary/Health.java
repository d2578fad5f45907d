package dev.herald.platform.boundary;

import java.util.List;
import java.util.Map;

/**
 * How Herald and what it depends on are doing: DOWN when a check is DOWN (this instance cannot do
 * its work), DEGRADED when a check is DEGRADED (it works, but a part is switched off, for a reason
 * the check names), UP otherwise.
 */
public record Health(Status status, List<Check> checks) {

    public enum Status {
        UP,
        DEGRADED,
        DOWN
    }

    /** One check; {@code facts} holds its figures (absent when it has none). */
    public record Check(String name, Status status, String detail, Map<String, Object> facts) {

        public Check(String name, Status status, String detail) {
            this(name, status, detail, null);
        }
    }

    public static Health of(List<Check> checks) {
        Status overall = checks.stream().map(Check::status).reduce(Status.UP, (a, b) -> a.compareTo(b) >= 0 ? a : b);
        return new Health(overall, List.copyOf(checks));
    }
}
