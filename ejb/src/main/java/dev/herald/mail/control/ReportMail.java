package dev.herald.mail.control;

import dev.herald.rendering.entity.FileFormat;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * What every e-mail of one report of a run says, whoever it goes to: whose report it is, which
 * schedule sent it, when, with which criteria (relative dates resolved), and the file.
 */
public record ReportMail(
        String clientName,
        String scheduleName,
        String displayName,
        String reportName,
        ZonedDateTime runAt,
        List<StatedCriterion> criteria,
        String fileName,
        FileFormat format,
        long bytes,
        long rows,
        boolean test) {

    /** One criterion as the file states it: "Payment date", "Last week (16 Nov 2026 – 22 Nov 2026)". */
    public record StatedCriterion(String label, String value) {}

    /**
     * One recipient's copy: the address, the fixed Message-ID, the filled-in subject, and either
     * the attachment or a link (with why, when an attachment was asked for, and until when).
     */
    public record Copy(
            String to,
            String messageId,
            String subject,
            boolean asLink,
            String linkReason,
            String linkUrl,
            ZonedDateTime linkExpiresAt) {}
}
