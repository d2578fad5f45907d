package dev.herald.testing;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** What the shared test server's SMTP sink received. */
public final class Mails {

    private Mails() {}

    /** The messages sent to one address, in the order they arrived. */
    public static List<MimeMessage> to(String address) throws MessagingException {
        List<MimeMessage> messages = new ArrayList<>();
        for (MimeMessage message : HeraldServer.get().mail().getReceivedMessages()) {
            Address[] recipients = message.getRecipients(Message.RecipientType.TO);
            if (recipients != null
                    && Arrays.stream(recipients).anyMatch(a -> a.toString().equalsIgnoreCase(address))) {
                messages.add(message);
            }
        }
        return messages;
    }

    /** The text of a message: its plain and HTML parts, without attachments. */
    public static String text(Part part) throws MessagingException, IOException {
        Object content = part.getContent();
        if (content instanceof Multipart multipart) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                if (!Part.ATTACHMENT.equalsIgnoreCase(child.getDisposition())) {
                    text.append(text(child));
                }
            }
            return text.toString();
        }
        return content instanceof String string ? string : "";
    }

    /** The first attachment of a message. */
    public static byte[] attachment(MimeMessage mail) throws MessagingException, IOException {
        if (mail.getContent() instanceof MimeMultipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                    try (InputStream in = part.getInputStream()) {
                        return in.readAllBytes();
                    }
                }
            }
        }
        throw new AssertionError("No attachment in “" + mail.getSubject() + "”");
    }
}
