package dev.herald.mail.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.rendering.entity.FileFormat;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The e-mails as recipients read them: written out and parsed back as a mail client would. */
class MailComposerTest {

    private static final Session SESSION = Session.getInstance(new Properties());
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final ReportMail MAIL = new ReportMail(
            "Herald Demo Theatre",
            "Daily <Reports>",
            "Yesterday's Sales",
            "Payments & Activities (detailed)",
            ZonedDateTime.of(2026, 11, 25, 7, 5, 0, 0, LONDON),
            List.of(new ReportMail.StatedCriterion("Payment date", "Last week (16 Nov 2026 – 22 Nov 2026)")),
            "yesterdays-sales-2026-11-25.csv",
            FileFormat.CSV,
            2048,
            1234,
            false);

    @Test
    void anAttachedReportSaysWhatItIsAndKeepsItsMessageId() throws Exception {
        byte[] file = "Payment,Amount\nCard,12.50\n".getBytes(StandardCharsets.UTF_8);
        MimeMessage message = composer()
                .report(
                        MAIL,
                        new ReportMail.Copy(
                                "finance@example.org",
                                "<herald.1.2.0.x@example.org>",
                                "Your report – café",
                                false,
                                null,
                                null,
                                null),
                        Attachment.of(MAIL.fileName(), "text/csv", file));

        MimeMessage read = roundTrip(message);

        assertThat(read.getMessageID()).isEqualTo("<herald.1.2.0.x@example.org>");
        assertThat(read.getSubject()).isEqualTo("Your report – café");
        assertThat(read.getAllRecipients()).extracting(Object::toString).containsExactly("finance@example.org");
        String text = part(read, "text/plain");
        assertThat(text)
                .contains(
                        "Herald Demo Theatre sends you the report “Yesterday's Sales” (Payments & Activities (detailed))")
                .contains("Wednesday 25 November 2026 at 07:05 (Europe/London)")
                .contains("Payment date: Last week (16 Nov 2026 – 22 Nov 2026)")
                .contains("The report is attached: yesterdays-sales-2026-11-25.csv (CSV, 2.0 KB, 1,234 rows).");
        assertThat(part(read, "text/html")).contains("Daily &lt;Reports&gt;").doesNotContain("Daily <Reports>");
        assertThat(attachment(read)).isEqualTo(file);
    }

    @Test
    void aLinkSaysWhereWhyAndUntilWhen() throws Exception {
        MimeMessage message = composer()
                .report(
                        MAIL,
                        new ReportMail.Copy(
                                "promoter@example.com",
                                "<herald.1.2.1.x@example.org>",
                                "Your report",
                                true,
                                "The file is 25.3 MB, more than the 10.0 MB that Herald attaches to an e-mail, so it comes as a link instead.",
                                "https://herald.example.org/partner/files/abc",
                                ZonedDateTime.of(2026, 12, 25, 7, 5, 0, 0, LONDON)),
                        null);

        MimeMessage read = roundTrip(message);

        String text = part(read, "text/plain");
        assertThat(text)
                .contains("https://herald.example.org/partner/files/abc")
                .contains("more than the 10.0 MB")
                .contains("with this e-mail address (promoter@example.com) or your user name")
                .contains("until 25 December 2026");
        assertThat(attachment(read)).isNull();
    }

    @Test
    void aTestSaysItIsATest() throws Exception {
        ReportMail test = new ReportMail(
                MAIL.clientName(),
                MAIL.scheduleName(),
                MAIL.displayName(),
                MAIL.displayName(),
                MAIL.runAt(),
                List.of(),
                MAIL.fileName(),
                FileFormat.PDF,
                10,
                0,
                true);
        MimeMessage read = roundTrip(composer()
                .report(
                        test,
                        new ReportMail.Copy("me@example.org", "<t@x>", "[Test] Yours", false, null, null, null),
                        Attachment.of("a.pdf", "application/pdf", new byte[] {1, 2, 3})));

        assertThat(part(read, "text/plain"))
                .contains("This is a test")
                .contains("the report “Yesterday's Sales” from")
                .contains("(PDF, 10 bytes, 0 rows)");
    }

    @Test
    void theOwnerHearsWhatFailedAndWhereToLook() throws Exception {
        OwnerNotice notice = new OwnerNotice(
                "owner@example.org",
                "Herald Demo Theatre",
                "Daily Reports",
                42,
                "PARTIALLY_FAILED",
                "SCHEDULED",
                ZonedDateTime.of(2026, 11, 25, 7, 5, 0, 0, LONDON),
                "Sent 1 of 2 e-mails; 1 failed.",
                List.of("“Sales” to nobody@example.org: 550 5.1.1 mailbox unavailable"),
                "http://localhost:8080/console/runs.xhtml?runId=42",
                "http://localhost:8080/api/v1/runs/42/resend-failed");

        MimeMessage read = roundTrip(composer().ownerNotice(notice, "<herald.42.owner.1@example.org>"));

        assertThat(read.getSubject()).isEqualTo("Herald: the run of “Daily Reports” partly failed");
        assertThat(part(read, "text/plain"))
                .contains("ended partially failed. Sent 1 of 2 e-mails; 1 failed.")
                .contains("550 5.1.1 mailbox unavailable")
                .contains("http://localhost:8080/console/runs.xhtml?runId=42")
                .contains("POST http://localhost:8080/api/v1/runs/42/resend-failed");
    }

    @Test
    void aNewPasswordLinkSaysWhoseAccountUntilWhenAndOnce() throws Exception {
        String link = "http://localhost:8080/partner/reset.xhtml?link=pwr_abc";

        MimeMessage read = roundTrip(composer()
                .passwordReset(
                        "gm@venue.example",
                        "Herald Demo Theatre",
                        "gm",
                        link,
                        ZonedDateTime.of(2026, 12, 5, 9, 40, 0, 0, LONDON),
                        "<herald.password-reset.7@theatre.example>"));

        assertThat(read.getMessageID()).isEqualTo("<herald.password-reset.7@theatre.example>");
        assertThat(read.getSubject()).isEqualTo("Choose a new password for Herald Demo Theatre's report portal");
        assertThat(read.getAllRecipients()).extracting(Object::toString).containsExactly("gm@venue.example");
        assertThat(part(read, "text/plain"))
                .contains("your account gm on Herald Demo Theatre's report portal")
                .contains(link)
                .contains("works once, until 5 December 2026 at 09:40 (Europe/London)")
                .contains("Herald never sends passwords by e-mail");
        assertThat(part(read, "text/html")).contains("<a href=\"" + link + "\">");
    }

    @Test
    void sizesReadAsPeopleWriteThem() {
        assertThat(MailComposer.size(1)).isEqualTo("1 byte");
        assertThat(MailComposer.size(1000)).isEqualTo("1000 bytes");
        assertThat(MailComposer.size(12_700)).isEqualTo("12.4 KB");
        assertThat(MailComposer.size(10L * 1024 * 1024)).isEqualTo("10.0 MB");
    }

    @Test
    void messageIdsAreStablePerRunItemAndRecipient() {
        Instant due = Instant.parse("2026-11-25T07:05:00Z");
        assertThat(MailComposer.messageId(7, 9, 2, due, "reports@theatre.example"))
                .isEqualTo(MailComposer.messageId(7, 9, 2, due, "reports@theatre.example"))
                .startsWith("<herald.7.9.2.")
                .endsWith("@theatre.example>")
                .isNotEqualTo(MailComposer.messageId(7, 9, 3, due, "reports@theatre.example"));
    }

    private static MailComposer composer() throws Exception {
        return new MailComposer(SESSION, new InternetAddress("reports@theatre.example"));
    }

    private static MimeMessage roundTrip(MimeMessage message) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return new MimeMessage(SESSION, new ByteArrayInputStream(out.toByteArray()));
    }

    private static String part(Part part, String type) throws Exception {
        if (part.isMimeType(type)) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = part(multipart.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static byte[] attachment(MimeMessage message) throws Exception {
        if (!(message.getContent() instanceof Multipart multipart)) {
            return null;
        }
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                return part.getInputStream().readAllBytes();
            }
        }
        return null;
    }
}
