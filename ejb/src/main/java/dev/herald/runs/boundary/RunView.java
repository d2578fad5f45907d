package dev.herald.runs.boundary;

import dev.herald.runs.entity.Run;
import dev.herald.runs.entity.RunStatus;
import dev.herald.runs.entity.RunTrigger;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A run as the API shows it, with its reports and their e-mails. */
public record RunView(
        long id,
        Long scheduleId,
        String scheduleName,
        @Schema(implementation = RunTrigger.class) String trigger,
        Instant scheduledFor,
        @Schema(implementation = RunStatus.class) String status,
        String detail,
        String requestedBy,
        String instance,
        int attempt,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        List<String> testRecipients,
        List<RunItemView> items,
        List<NoticeView> notices) {

    /** A run without its items (before it has any, or where they are not wanted). */
    public static RunView of(Run run) {
        return of(run, List.of(), List.of());
    }

    public static RunView of(Run run, List<RunItemView> items, List<NoticeView> notices) {
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
                run.getFinishedAt(),
                run.getRecipientsOverride(),
                items,
                notices);
    }
}
