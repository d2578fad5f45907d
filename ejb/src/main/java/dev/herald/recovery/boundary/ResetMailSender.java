package dev.herald.recovery.boundary;

import dev.herald.mail.control.NoticeSender;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * Sends a stored new-password e-mail as soon as its transaction has committed, rather than at the
 * scheduler's next housekeeping (seconds later): the partner is waiting for it.
 */
@ApplicationScoped
public class ResetMailSender {

    @Inject
    NoticeSender notices;

    void sendSoon(@Observes(during = TransactionPhase.AFTER_SUCCESS) ResetMailStored stored) {
        notices.sendDue();
    }
}
