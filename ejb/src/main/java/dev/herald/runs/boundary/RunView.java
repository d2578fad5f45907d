package dev.herald.runs.boundary;

import dev.herald.runs.entity.Run;
import java.time.Instant;

/** A run as the API shows it. */
public record RunView(
        long id,
        Long scheduleId,
        String scheduleName,
        String trigger,
        Instant scheduledFor,
        String status,
        String detail,
        String requestedBy,
        String instance,
        int attempt,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt) {

    public static RunView of(Run run) {
        return new RunView(
                run.getId(),
                run.getSchedule() == null ? null : run.getSchedule().getId(),
                run.getScheduleName(),
                run.getTrigger().name(),
                run.getScheduledFor(),
                run.getStatus().name(),
                run.getDetail(),
                run.getRequestedBy(),
                run.getInstance(),
                run.getAttempt(),
                run.getCreatedAt(),
                run.getStartedAt(),
                run.getFinishedAt());
    }
}
