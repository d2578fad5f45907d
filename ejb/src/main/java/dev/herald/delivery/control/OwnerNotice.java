package dev.herald.delivery.control;

import java.time.ZonedDateTime;
import java.util.List;

/** What the owner of a schedule is told when one of its runs failed, in whole or in part. */
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
        String publicUrl) {

    /** The run in the console's run history, opened. */
    public String runPage() {
        return publicUrl + "/console/runs.xhtml?runId=" + runId;
    }

    public String resendUrl() {
        return publicUrl + "/api/v1/runs/" + runId + "/resend-failed";
    }
}
