package dev.herald.delivery.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import java.net.ConnectException;
import java.net.SocketException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;

/** Which SMTP failures Herald tries again, and which it reports at once. */
class SmtpFailureTest {

    @Test
    void aRefusedMailboxIsPermanent() throws Exception {
        SMTPAddressFailedException refused = new SMTPAddressFailedException(
                new InternetAddress("nobody@example.org"),
                "RCPT TO:<nobody@example.org>",
                550,
                "550 5.1.1 <nobody@example.org>: mailbox unavailable");
        SendFailedException failure = new SendFailedException("Invalid Addresses", refused);

        SmtpFailure classified = SmtpFailure.of(failure);

        assertThat(classified.permanent()).isTrue();
        assertThat(classified.code()).isEqualTo(550);
        assertThat(classified.message()).startsWith("550 5.1.1");
        assertThat(classified.connectionLost()).isFalse();
    }

    @Test
    void aFullMailboxOrGreylistingIsTransient() throws Exception {
        SMTPSendFailedException busy =
                new SMTPSendFailedException("DATA", 451, "451 4.7.1 Try again later", null, null, null, null);

        SmtpFailure classified = SmtpFailure.of(busy);

        assertThat(classified.permanent()).isFalse();
        assertThat(classified.code()).isEqualTo(451);
    }

    @Test
    void aServerClosingTheChannelIsTransientAndLosesTheConnection() throws Exception {
        SMTPSendFailedException closing =
                new SMTPSendFailedException("MAIL", 421, "421 4.3.2 Service shutting down", null, null, null, null);

        assertThat(SmtpFailure.of(closing).connectionLost()).isTrue();
        assertThat(SmtpFailure.of(closing).permanent()).isFalse();
    }

    @Test
    void aBrokenConnectionIsTransient() {
        MessagingException broken =
                new MessagingException("Exception reading response", new SocketException("Connection reset"));

        SmtpFailure classified = SmtpFailure.of(broken);

        assertThat(classified.permanent()).isFalse();
        assertThat(classified.connectionLost()).isTrue();
        assertThat(classified.message()).contains("Connection reset");
    }

    @Test
    void anUnreachableServerIsTransientAndSaysSo() {
        SmtpFailure classified = SmtpFailure.unreachable(
                new MessagingException("Couldn't connect", new ConnectException("Connection refused")));

        assertThat(classified.permanent()).isFalse();
        assertThat(classified.message())
                .isEqualTo("The SMTP server could not be reached: ConnectException: Connection refused");
    }

    @Test
    void aMessageThatCannotBeBuiltIsPermanent() {
        assertThat(SmtpFailure.of(new IllegalStateException("The file could not be read"))
                        .permanent())
                .isTrue();
    }
}
