package dev.herald.runs.entity;

import dev.herald.schedules.entity.DeliverAs;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One e-mail of a run to one recipient, for one of its reports: how it was delivered (attachment or
 * link), how often Herald tried, what the SMTP server answered, and when it was accepted. Its
 * Message-ID is fixed when the row is made, so every try of the same e-mail carries the same one.
 */
@Entity
@Table(name = "delivery")
@NamedQuery(
        name = Delivery.OF_ITEMS,
        query = "SELECT d FROM Delivery d WHERE d.item.id IN :itemIds ORDER BY d.item.id, d.id")
@NamedQuery(name = Delivery.BY_TOKEN_HASH, query = "SELECT d FROM Delivery d WHERE d.linkTokenHash = :hash")
public class Delivery {

    public static final String OF_ITEMS = "Delivery.ofItems";
    public static final String BY_TOKEN_HASH = "Delivery.byTokenHash";

    @Id
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "run_item_id", nullable = false)
    private RunItem item;

    private String recipient;

    @Enumerated(EnumType.STRING)
    @Column(name = "delivered_as")
    private DeliverAs deliveredAs;

    @Column(name = "link_reason")
    private String linkReason;

    @Column(name = "link_token_hash")
    private String linkTokenHash;

    @Column(name = "link_expires_at")
    private Instant linkExpiresAt;

    @Column(name = "link_revoked_at")
    private Instant linkRevokedAt;

    @Column(name = "message_id")
    private String messageId;

    @Enumerated(EnumType.STRING)
    private DeliveryStatus status;

    private int attempts;

    /** Failed tries in the current round (a resend starts a new round); attempts counts every send. */
    private int tries;

    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Column(name = "smtp_reply")
    private String smtpReply;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "in_doubt")
    private boolean inDoubt;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    protected Delivery() {}

    public Long getId() {
        return id;
    }

    public RunItem getItem() {
        return item;
    }

    public String getRecipient() {
        return recipient;
    }

    public DeliverAs getDeliveredAs() {
        return deliveredAs;
    }

    public String getLinkReason() {
        return linkReason;
    }

    public Instant getLinkExpiresAt() {
        return linkExpiresAt;
    }

    /** When staff withdrew the link; it opens nothing from then on. */
    public Instant getLinkRevokedAt() {
        return linkRevokedAt;
    }

    public String getMessageId() {
        return messageId;
    }

    public DeliveryStatus getStatus() {
        return status;
    }

    public int getAttempts() {
        return attempts;
    }

    public int getTries() {
        return tries;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public String getSmtpReply() {
        return smtpReply;
    }

    public String getLastError() {
        return lastError;
    }

    public boolean isInDoubt() {
        return inDoubt;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
