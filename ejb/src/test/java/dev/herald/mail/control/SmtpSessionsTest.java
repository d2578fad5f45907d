package dev.herald.mail.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The sending session keeps the server's settings and credentials, and adds TCP_NODELAY. */
class SmtpSessionsTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(
                    new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("herald", "s3cret-password"));

    @Test
    void theCredentialsOfTheConfiguredSessionStillSignIn() throws Exception {
        Session sending = SmtpSessions.forSending(configured("s3cret-password"));

        assertThat(sending.getProperties().get("mail.smtp.socketFactory"))
                .isInstanceOf(SmtpSessions.NoDelaySocketFactory.class);
        assertThat(sending.getProperty("mail.smtp.port"))
                .isEqualTo(String.valueOf(SMTP.getSmtp().getPort()));
        Transport transport = sending.getTransport("smtp");
        transport.connect();
        assertThat(transport.isConnected()).isTrue();
        transport.close();
    }

    @Test
    void aWrongPasswordIsStillRefused() {
        Session sending = SmtpSessions.forSending(configured("not-the-password"));

        assertThatThrownBy(() -> sending.getTransport("smtp").connect())
                .isInstanceOf(AuthenticationFailedException.class);
    }

    @Test
    void implicitTlsSessionsKeepTheirOwnSockets() {
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.ssl.enable", "true");

        Session sending = SmtpSessions.forSending(Session.getInstance(properties));

        assertThat(sending.getProperties().get("mail.smtp.socketFactory")).isNull();
    }

    private static Session configured(String password) {
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", "127.0.0.1");
        properties.setProperty("mail.smtp.port", String.valueOf(SMTP.getSmtp().getPort()));
        properties.setProperty("mail.smtp.auth", "true");
        properties.setProperty("mail.smtp.user", "herald");
        properties.setProperty("mail.smtp.password", password);
        return Session.getInstance(properties);
    }
}
