package dev.herald.mail.control;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.util.HashSet;
import java.util.Set;
import javax.net.ssl.SSLException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * Why an e-mail was not accepted, and whether trying again can help. A 5xx reply is permanent (the
 * server will say the same again); a 4xx reply, a refused or broken connection and a time-out are
 * transient. Anything else (a message Herald could not even build) is permanent: trying again would
 * fail the same way.
 *
 * @param code the SMTP reply code, or -1 when the server gave none
 * @param message the server's reply, or what went wrong on the way to it
 * @param connectionLost true when the connection cannot carry another message
 * @param configuration true when Herald's mail settings and the server do not fit together (TLS
 *     required but not offered, a certificate refused, the sign-in refused, a host name unknown):
 *     no retry can help until someone changes the settings or the server, so every e-mail fails at
 *     once and administrators are told
 */
public record SmtpFailure(int code, String message, boolean permanent, boolean connectionLost, boolean configuration) {

    public SmtpFailure(int code, String message, boolean permanent, boolean connectionLost) {
        this(code, message, permanent, connectionLost, false);
    }

    public static SmtpFailure of(Exception failure) {
        int code = -1;
        String reply = null;
        boolean io = false;
        Set<Throwable> seen = new HashSet<>();
        for (Throwable t = failure; t != null && seen.add(t); t = next(t)) {
            if (t instanceof SMTPAddressFailedException address && code < 0) {
                code = address.getReturnCode();
                reply = address.getMessage();
            } else if (t instanceof SMTPSendFailedException send && code < 0) {
                code = send.getReturnCode();
                reply = send.getMessage();
            } else if (t instanceof IOException) {
                io = true;
                reply = reply == null ? describe(t) : reply;
            }
        }
        String message = reply == null ? describe(failure) : reply.strip();
        if (code >= 500) {
            return new SmtpFailure(code, message, true, false);
        }
        if (code >= 400) {
            return new SmtpFailure(code, message, false, code == 421);
        }
        if (io) {
            return new SmtpFailure(code, message, false, true);
        }
        return new SmtpFailure(code, message, !(failure instanceof MessagingException), false);
    }

    /** The SMTP server could not be reached at all. */
    public static SmtpFailure unreachable(Exception failure) {
        return new SmtpFailure(
                -1, "The SMTP server could not be reached: " + describe(rootCause(failure)), false, true);
    }

    /**
     * Why a connection could not be opened: a fault of the settings (permanent, {@link
     * #configuration()}) or the server being away (transient, like {@link #unreachable}).
     */
    public static SmtpFailure connecting(Exception failure) {
        Set<Throwable> seen = new HashSet<>();
        for (Throwable t = failure; t != null && seen.add(t); t = next(t)) {
            String said = t.getMessage() == null ? "" : t.getMessage();
            String reason = null;
            if (t instanceof AuthenticationFailedException) {
                reason = "The mail server refused Herald's sign-in (user name or password)"
                        + (said.isBlank() ? "." : ": " + said.strip());
            } else if (said.contains("STARTTLS is required")) {
                reason = "The mail server does not offer STARTTLS, and Herald's mail settings require it"
                        + " (mail.smtp.starttls.required).";
            } else if (said.contains("No authentication mechanisms supported")) {
                reason = "Herald and the mail server share no way of signing in: " + said.strip();
            } else if (t instanceof UnknownHostException) {
                reason = "The mail server's host name is unknown: " + said.strip();
            } else if (t instanceof SSLException || t instanceof CertificateException) {
                reason = "The mail server's TLS was refused (certificate or protocol): " + said.strip();
            }
            if (reason != null) {
                return new SmtpFailure(-1, reason, true, true, true);
            }
        }
        return unreachable(failure);
    }

    private static Throwable next(Throwable t) {
        if (t instanceof MessagingException messaging && messaging.getNextException() != null) {
            return messaging.getNextException();
        }
        return t.getCause();
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable root = failure;
        Set<Throwable> seen = new HashSet<>();
        while (next(root) != null && seen.add(root)) {
            root = next(root);
        }
        return root;
    }

    private static String describe(Throwable t) {
        String message = t.getMessage();
        String kind = t.getClass().getSimpleName();
        return message == null || message.isBlank() ? kind : kind + ": " + message.strip();
    }
}
