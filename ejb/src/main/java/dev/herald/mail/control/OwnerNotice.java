package dev.herald.mail.control;

import java.time.ZonedDateTime;
import java.util.List;

/**
 * What the owner of a schedule is told when one of its runs failed, in whole or in part, with the
 * run in the console's run history ({@code runPage}) and the API call that resends ({@code resendUrl}).
 */
public record OwnerNotice(
        String to,
        String clientName,
        String scheduleName,
        long runId,
        String status,
        String trigger,
        ZonedDateTime scheduledFor,
        String summary,
        List<String> problems,
        String runPage,
        String resendUrl) {}
