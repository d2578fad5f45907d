package dev.herald.mail.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import java.net.ConnectException;
import java.net.SocketException;
import java.util.List;
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

    @Test
    void aServerThatDoesNotOfferStartTlsWhileHeraldRequiresItIsAFaultOfTheSettings() {
        MessagingException noTls = new MessagingException("STARTTLS is required but host does not support STARTTLS");

        SmtpFailure classified = SmtpFailure.connecting(noTls);

        assertThat(classified.configuration()).isTrue();
        assertThat(classified.permanent()).isTrue();
        assertThat(classified.message()).contains("does not offer STARTTLS", "mail.smtp.starttls.required");
    }

    @Test
    void aRefusedSignInAnUnknownHostAndARefusedCertificateAreFaultsOfTheSettings() {
        SmtpFailure signIn = SmtpFailure.connecting(
                new jakarta.mail.AuthenticationFailedException("535 5.7.8 Authentication credentials invalid"));
        SmtpFailure host = SmtpFailure.connecting(
                new MessagingException("Couldn't connect to host", new java.net.UnknownHostException("smtp.nowhere")));
        SmtpFailure certificate = SmtpFailure.connecting(new MessagingException(
                "Could not convert socket to TLS",
                new javax.net.ssl.SSLHandshakeException("PKIX path building failed")));

        assertThat(List.of(signIn, host, certificate)).allSatisfy(failure -> {
            assertThat(failure.configuration()).isTrue();
            assertThat(failure.permanent()).isTrue();
        });
        assertThat(signIn.message()).contains("refused Herald's sign-in", "535");
        assertThat(host.message()).contains("host name is unknown", "smtp.nowhere");
        assertThat(certificate.message()).contains("TLS was refused", "PKIX");
    }

    @Test
    void aServerThatIsAwayOrBusyAtConnectIsTransient() {
        SmtpFailure refused = SmtpFailure.connecting(
                new MessagingException("Couldn't connect to host", new ConnectException("Connection refused")));
        SmtpFailure busy = SmtpFailure.connecting(new MessagingException(
                "Got bad greeting from SMTP host: 127.0.0.1, port: 25, response: 421 4.3.2 Service not available"));

        assertThat(List.of(refused, busy)).allSatisfy(failure -> {
            assertThat(failure.configuration()).isFalse();
            assertThat(failure.permanent()).isFalse();
            assertThat(failure.connectionLost()).isTrue();
        });
    }
}
