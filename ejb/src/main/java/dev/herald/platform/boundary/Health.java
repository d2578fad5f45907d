package dev.herald.platform.boundary;

import java.util.List;

/** How Herald and what it depends on are doing: UP only when every check is UP. */
public record Health(Status status, List<Check> checks) {

    public enum Status {
        UP,
        DOWN
    }

    public record Check(String name, Status status, String detail) {}

    public static Health of(List<Check> checks) {
        boolean allUp = checks.stream().allMatch(check -> check.status() == Status.UP);
        return new Health(allUp ? Status.UP : Status.DOWN, List.copyOf(checks));
    }
}
