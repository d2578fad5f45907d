package dev.herald.mail.control;

import dev.herald.rendering.entity.FileFormat;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.PreencodedMimeBodyPart;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;

/**
 * Writes Herald's e-mails: a report for one recipient (plain text and HTML alternatives, and the
 * file attached or a link to it), and the notice to a schedule's owner when a run failed. Each
 * message keeps the Message-ID it is given, so that every try of one e-mail carries the same one.
 */
public final class MailComposer {

    private static final DateTimeFormatter RUN_AT =
            DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'at' HH:mm", Locale.UK);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm", Locale.UK);

    private final Session session;
    private final InternetAddress from;

    public MailComposer(Session session, InternetAddress from) {
        this.session = session;
        this.from = from;
    }

    /**
     * The Message-ID of one e-mail of a run: stable for (run, item, recipient), so every try of it
     * carries the same one. The run's due time keeps two installations that share a from-domain
     * from making the same one.
     */
    public static String messageId(long runId, long itemId, int recipientIndex, Instant runFor, String fromAddress) {
        int at = fromAddress == null ? -1 : fromAddress.lastIndexOf('@');
        String domain = at < 0 ? "herald.invalid" : fromAddress.substring(at + 1);
        return "<herald." + runId + "." + itemId + "." + recipientIndex + "."
                + Long.toString(runFor.getEpochSecond(), 36) + "@" + domain + ">";
    }

    public MimeMessage report(ReportMail mail, ReportMail.Copy copy, Attachment attachment) throws MessagingException {
        Body body = new Body();
        body.paragraph("Hello,");
        body.paragraph(mail.clientName() + " sends you the report “" + mail.displayName() + "”"
                + (mail.displayName().equals(mail.reportName()) ? "" : " (" + mail.reportName() + ")")
                + " from the schedule “" + mail.scheduleName() + "”, run on " + RUN_AT.format(mail.runAt()) + " ("
                + mail.runAt().getZone().getId() + ").");
        if (mail.test()) {
            body.paragraph("This is a test: it was sent to you only, not to the report's recipients.");
        }
        if (!mail.criteria().isEmpty()) {
            body.paragraph("The report was made with these criteria:");
            body.list(mail.criteria().stream()
                    .map(c -> c.label() + ": " + c.value())
                    .toList());
        }
        String facts = formatName(mail.format()) + ", " + size(mail.bytes()) + ", " + rows(mail.rows());
        if (copy.asLink()) {
            body.paragraph("Download the report (" + facts + "):");
            body.link(copy.linkUrl());
            if (copy.linkReason() != null) {
                body.paragraph(copy.linkReason());
            }
            body.paragraph("Sign in to " + mail.clientName() + "'s report portal with this e-mail address ("
                    + copy.to() + ") or your user name to download it. The link works until "
                    + DAY.format(copy.linkExpiresAt()) + ".");
        } else {
            body.paragraph("The report is attached: " + mail.fileName() + " (" + facts + ").");
        }
        body.footer("Sent by Herald for " + mail.clientName() + ". If this report should not come to you, please tell "
                + mail.clientName() + ".");

        MimeMessage message = message(copy.messageId(), copy.to(), copy.subject());
        MimeMultipart mixed = new MimeMultipart("mixed");
        MimeBodyPart text = new MimeBodyPart();
        text.setContent(body.alternatives());
        mixed.addBodyPart(text);
        if (!copy.asLink()) {
            PreencodedMimeBodyPart file = new PreencodedMimeBodyPart("base64");
            file.setDataHandler(
                    new DataHandler(new ByteArrayDataSource(attachment.base64(), attachment.contentType())));
            file.setFileName(attachment.fileName());
            file.setDisposition(Part.ATTACHMENT);
            mixed.addBodyPart(file);
        }
        message.setContent(mixed);
        message.saveChanges();
        return message;
    }

    public MimeMessage ownerNotice(OwnerNotice notice, String messageId) throws MessagingException {
        Body body = new Body();
        body.paragraph("Hello,");
        body.paragraph("The " + notice.trigger().toLowerCase(Locale.ROOT) + " run " + notice.runId()
                + " of your schedule “" + notice.scheduleName() + "”, due " + RUN_AT.format(notice.scheduledFor())
                + " (" + notice.scheduledFor().getZone().getId() + "), ended "
                + notice.status().replace('_', ' ').toLowerCase(Locale.ROOT) + ". " + notice.summary());
        if (!notice.problems().isEmpty()) {
            body.paragraph("What went wrong:");
            body.list(notice.problems());
        }
        body.paragraph("The run, with every delivery, in the console:");
        body.link(notice.runPage());
        body.paragraph("Once the cause is mended, “Resend failed” there sends the failed e-mails again and nothing"
                + " else (or, from another system, POST " + notice.resendUrl() + ").");
        body.footer("Sent by Herald for " + notice.clientName() + ".");
        String subject = "Herald: the run of “" + notice.scheduleName() + "” "
                + ("FAILED".equals(notice.status()) ? "failed" : "partly failed");
        MimeMessage message = message(messageId, notice.to(), subject);
        message.setContent(body.alternatives());
        message.saveChanges();
        return message;
    }

    /**
     * Tells an administrator that Herald's e-mail stopped working, once per incident: why, since
     * when, what happens to the e-mails meanwhile, and where to look.
     */
    public MimeMessage mailAlert(
            String to, String clientName, String reason, ZonedDateTime since, String settingsPage, String messageId)
            throws MessagingException {
        Body body = new Body();
        body.paragraph("Hello,");
        body.paragraph("Herald cannot send e-mail through its mail server since " + RUN_AT.format(since) + " ("
                + since.getZone().getId() + "):");
        body.list(List.of(reason));
        body.paragraph("Reports that fail for this reason are marked failed with this reason; e-mails refused for"
                + " now are tried again. Once the mail server or Herald's mail settings are mended, “Resend failed”"
                + " on each run sends what failed, each e-mail once. You will not get another message about this"
                + " until e-mail has worked again.");
        body.paragraph("The mail server in use, and a test e-mail:");
        body.link(settingsPage);
        body.footer("Sent by Herald for " + clientName + ".");
        MimeMessage message = message(messageId, to, "Herald cannot send e-mail");
        message.setContent(body.alternatives());
        message.saveChanges();
        return message;
    }

    /**
     * A link to choose a new password, for a partner who asked for one: which account, until when the
     * link works, that it works once, and what to do if they did not ask. Never a password.
     */
    public MimeMessage passwordReset(
            String to, String clientName, String username, String link, ZonedDateTime expiresAt, String messageId)
            throws MessagingException {
        Body body = new Body();
        body.paragraph("Hello,");
        body.paragraph("Someone asked to choose a new password for your account " + username + " on " + clientName
                + "'s report portal. To choose one, open this link:");
        body.link(link);
        body.paragraph("The link works once, until " + TIME.format(expiresAt) + " ("
                + expiresAt.getZone().getId() + "). Asking again sends a new link and ends this one.");
        body.paragraph("If you did not ask, you need not do anything: your password stays as it is. Herald never"
                + " sends passwords by e-mail.");
        body.footer("Sent by Herald for " + clientName + ".");
        MimeMessage message = message(messageId, to, "Choose a new password for " + clientName + "'s report portal");
        message.setContent(body.alternatives());
        message.saveChanges();
        return message;
    }

    /** The address Herald sends from: the organisation's, else the mail session's, else a local one. */
    public static InternetAddress sender(String organisationAddress, Session session) {
        String address = organisationAddress;
        if (address == null || address.isBlank()) {
            address = session.getProperty("mail.from");
        }
        try {
            return new InternetAddress(address == null || address.isBlank() ? "herald@localhost" : address);
        } catch (AddressException e) {
            throw new IllegalStateException("The from-address " + address + " is not valid: " + e.getMessage(), e);
        }
    }

    /**
     * A summary report for one recipient: the organisation, the period, and two links that need no
     * sign-in (the page and its PDF), with the day they stop working.
     */
    public MimeMessage summary(SummaryMail mail, ReportMail.Copy copy) throws MessagingException {
        Body body = new Body();
        body.paragraph("Hello,");
        body.paragraph("Here is " + mail.organisation() + "'s " + mail.title().toLowerCase(Locale.UK) + " for "
                + mail.period() + ", compared with the " + mail.days() + " days before.");
        if (mail.test()) {
            body.paragraph("This is a test: it was sent to you only, not to the summary's recipients.");
        }
        body.paragraph("See it in your browser, with its charts:");
        body.link(copy.linkUrl());
        body.paragraph("Or download it as a PDF:");
        body.link(copy.linkUrl() + "summary.pdf");
        body.paragraph("These links are yours: anyone who has them can open this summary until "
                + DAY.format(copy.linkExpiresAt()) + ", so please do not forward this e-mail.");
        body.footer("Sent by Herald for " + mail.organisation()
                + ". If this summary should not come to you, please tell " + mail.organisation() + ".");
        MimeMessage message = message(copy.messageId(), copy.to(), copy.subject());
        message.setContent(body.alternatives());
        message.saveChanges();
        return message;
    }

    private MimeMessage message(String messageId, String to, String subject) throws MessagingException {
        MimeMessage message = new FixedIdMessage(session, messageId);
        message.setFrom(from);
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject, StandardCharsets.UTF_8.name());
        message.setSentDate(new Date());
        message.setHeader("Auto-Submitted", "auto-generated");
        return message;
    }

    static String formatName(FileFormat format) {
        return switch (format) {
            case PDF -> "PDF";
            case EXCEL_FORMATTED -> "Excel";
            case EXCEL_UNFORMATTED -> "Excel, unformatted";
            case XML -> "XML";
            case CSV -> "CSV";
        };
    }

    /** A size as people read it: 980 bytes, 12.4 KB, 3.1 MB (1 KB = 1,024 bytes, as the limit is set). */
    public static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + (bytes == 1 ? " byte" : " bytes");
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.UK, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.UK, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    private static String rows(long rows) {
        return String.format(Locale.UK, "%,d %s", rows, rows == 1 ? "row" : "rows");
    }

    /** The words of an e-mail, written out once as plain text and once as HTML. */
    private static final class Body {
        private final List<String> text = new ArrayList<>();
        private final StringBuilder html = new StringBuilder(
                "<!DOCTYPE html><html><body style=\"font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#1f2933\">");

        void paragraph(String words) {
            text.add(words);
            html.append("<p>").append(escape(words)).append("</p>");
        }

        void list(List<String> lines) {
            text.add(String.join("\n", lines.stream().map(line -> "  - " + line).toList()));
            html.append("<ul>");
            lines.forEach(line -> html.append("<li>").append(escape(line)).append("</li>"));
            html.append("</ul>");
        }

        void link(String url) {
            text.add(url);
            html.append("<p><a href=\"")
                    .append(escape(url))
                    .append("\">")
                    .append(escape(url))
                    .append("</a></p>");
        }

        void footer(String words) {
            text.add("-- \n" + words);
            html.append("<p style=\"color:#616e7c;font-size:12px\">")
                    .append(escape(words))
                    .append("</p>");
        }

        MimeMultipart alternatives() throws MessagingException {
            MimeMultipart alternative = new MimeMultipart("alternative");
            MimeBodyPart plain = new MimeBodyPart();
            plain.setText(String.join("\n\n", text) + "\n", StandardCharsets.UTF_8.name(), "plain");
            MimeBodyPart rich = new MimeBodyPart();
            rich.setText(html + "</body></html>", StandardCharsets.UTF_8.name(), "html");
            alternative.addBodyPart(plain);
            alternative.addBodyPart(rich);
            return alternative;
        }

        private static String escape(String s) {
            StringBuilder out = new StringBuilder(s.length() + 16);
            for (char c : s.toCharArray()) {
                switch (c) {
                    case '<' -> out.append("&lt;");
                    case '>' -> out.append("&gt;");
                    case '&' -> out.append("&amp;");
                    case '"' -> out.append("&quot;");
                    case '\'' -> out.append("&#39;");
                    default -> out.append(c);
                }
            }
            return out.toString();
        }
    }

    /** A message that keeps its Message-ID when saved instead of making a new one. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
