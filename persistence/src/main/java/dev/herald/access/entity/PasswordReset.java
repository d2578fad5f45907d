package dev.herald.access.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A one-time link, mailed to a partner who forgot their password, to choose a new one. Only the
 * SHA-256 of its secret is stored. It remembers the account's session stamp when it was made, so
 * that anything that ends the account's sessions (a password change, the account disabled) ends the
 * link too.
 */
@Entity
@Table(name = "password_reset")
@NamedQuery(
        name = PasswordReset.BY_HASH,
        query = "SELECT r FROM PasswordReset r JOIN FETCH r.user WHERE r.tokenHash = :hash")
@NamedQuery(
        name = PasswordReset.OPEN_OF_USER,
        query = "SELECT r FROM PasswordReset r WHERE r.user = :user AND r.endedAt IS NULL")
@NamedQuery(
        name = PasswordReset.COUNT_SINCE,
        query = "SELECT COUNT(r) FROM PasswordReset r WHERE r.user = :user AND r.createdAt > :since")
public class PasswordReset {

    public static final String BY_HASH = "PasswordReset.byHash";
    public static final String OPEN_OF_USER = "PasswordReset.openOfUser";
    public static final String COUNT_SINCE = "PasswordReset.countSince";

    /** Why a link stopped working before it expired. */
    public enum Ended {
        USED,
        REPLACED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "user_id", nullable = false)
    private UserAccount user;

    @Column(name = "token_hash", nullable = false, unique = true, length = 64)
    private String tokenHash;

    @Column(name = "session_stamp", nullable = false)
    private long sessionStamp;

    @Column(name = "requested_from", length = 64)
    private String requestedFrom;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "ended_why", length = 20)
    private Ended endedWhy;

    protected PasswordReset() {}

    public PasswordReset(
            UserAccount user, String tokenHash, String requestedFrom, Instant createdAt, Instant expiresAt) {
        this.user = user;
        this.tokenHash = tokenHash;
        this.sessionStamp = user.getSessionStamp();
        this.requestedFrom = requestedFrom;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    public void end(Ended why, Instant at) {
        if (endedAt == null) {
            endedAt = at;
            endedWhy = why;
        }
    }

    public Long getId() {
        return id;
    }

    public UserAccount getUser() {
        return user;
    }

    public long getSessionStamp() {
        return sessionStamp;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Instant getEndedAt() {
        return endedAt;
    }

    public Ended getEndedWhy() {
        return endedWhy;
    }
}
