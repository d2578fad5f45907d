package dev.herald.testing;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
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
}
