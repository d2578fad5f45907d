package dev.herald.testing;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** What the test SMTP server (GreenMail) has received. */
public final class Mailbox {

    private Mailbox() {}

    /** The messages addressed (To) to this address, in the order received. */
    public static List<MimeMessage> messagesTo(String address) throws MessagingException {
        List<MimeMessage> messages = new ArrayList<>();
        for (MimeMessage message : HeraldServer.get().mail().getReceivedMessages()) {
            Address[] to = message.getRecipients(Message.RecipientType.TO);
            if (to != null && Arrays.stream(to).anyMatch(a -> a.toString().equalsIgnoreCase(address))) {
                messages.add(message);
            }
        }
        return messages;
    }

    /**
     * The messages to this address once at least one has arrived: for mail Herald sends after the
     * run that caused it has ended (owner notices and alerts are sent by their own durable step).
     */
    public static List<MimeMessage> awaitMessagesTo(String address, Duration atMost) throws Exception {
        long deadline = System.nanoTime() + atMost.toNanos();
        List<MimeMessage> messages = messagesTo(address);
        while (messages.isEmpty() && System.nanoTime() < deadline) {
            HeraldServer.get().mail().waitForIncomingEmail(500, 1);
            messages = messagesTo(address);
        }
        return messages;
    }
}
