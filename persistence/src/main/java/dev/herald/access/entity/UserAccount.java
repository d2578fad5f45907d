package dev.herald.access.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Someone who signs in: staff in the console, a partner in the portal, or a system through the API.
 * User names are stored trimmed and in lower case, so that "Admin" and "admin" are one account.
 * E-mail addresses are kept as typed, with a lower-case key beside them that the database keeps
 * unique: the portal offers reports and files by address, so two accounts sharing one would see
 * each other's. The session stamp counts the changes that end the account's console and portal
 * sessions (see {@link #endSessions()}).
 */
@Entity
@Table(name = "app_user")
@NamedQuery(name = UserAccount.BY_USERNAME, query = "SELECT u FROM UserAccount u WHERE u.username = :username")
@NamedQuery(name = UserAccount.BY_EMAIL_KEY, query = "SELECT u FROM UserAccount u WHERE u.emailKey = :emailKey")
@NamedQuery(
        name = UserAccount.COUNT_ENABLED_WITH_ROLE,
        query = "SELECT COUNT(u) FROM UserAccount u JOIN u.roles r WHERE u.enabled = TRUE AND r.name = :role")
public class UserAccount {

    public static final String BY_USERNAME = "UserAccount.byUsername";
    public static final String BY_EMAIL_KEY = "UserAccount.byEmailKey";
    public static final String COUNT_ENABLED_WITH_ROLE = "UserAccount.countEnabledWithRole";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 100)
    private String username;

    @Column(name = "display_name", nullable = false, length = 200)
    private String displayName;

    @Column(length = 320)
    private String email;

    @Column(name = "email_key", length = 320)
    private String emailKey;

    @Column(name = "password_hash", nullable = false, length = 512)
    private String passwordHash;

    @Column(nullable = false)
    private boolean enabled = true;

    @Column(name = "must_change_password", nullable = false)
    private boolean mustChangePassword;

    @Column(name = "session_stamp", nullable = false)
    private long sessionStamp;

    @Column(name = "last_login_at")
    private Instant lastLoginAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "password_changed_at")
    private Instant passwordChangedAt;

    @ManyToMany
    @JoinTable(
            name = "user_role",
            joinColumns = @JoinColumn(name = "user_id"),
            inverseJoinColumns = @JoinColumn(name = "role_id"))
    private Set<Role> roles = new HashSet<>();

    /** The scope values this account is limited to: reports bound to a kind are made with these. */
    @ElementCollection
    @CollectionTable(name = "account_scope", joinColumns = @JoinColumn(name = "user_id"))
    private Set<AccountScope> scopes = new HashSet<>();

    @Version
    private long version;

    protected UserAccount() {}

    public UserAccount(String username, String displayName, String email, String passwordHash, Instant createdAt) {
        this.username = normalizeUsername(username);
        this.displayName = displayName;
        setEmail(email);
        this.passwordHash = passwordHash;
        this.createdAt = createdAt;
    }

    /** The form in which user names are stored and looked up. */
    public static String normalizeUsername(String username) {
        return username == null ? null : username.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * The form in which e-mail addresses are compared and kept unique: without case. A check in the
     * database holds it equal to {@code LOWER(email)}; addresses are ASCII, where the two agree.
     */
    public static String emailKey(String email) {
        return email == null ? null : email.toLowerCase(Locale.ROOT);
    }

    /** Every permission that this user's roles grant. */
    public Set<Permission> permissions() {
        Set<Permission> granted = EnumSet.noneOf(Permission.class);
        roles.forEach(role -> granted.addAll(role.getPermissions()));
        return granted;
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
        this.emailKey = emailKey(email);
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public boolean isMustChangePassword() {
        return mustChangePassword;
    }

    public void setMustChangePassword(boolean mustChangePassword) {
        this.mustChangePassword = mustChangePassword;
    }

    /**
     * The value a console or portal session remembers when it signs in; a session whose value is no
     * longer the account's is ended at its next request.
     */
    public long getSessionStamp() {
        return sessionStamp;
    }

    /**
     * Ends every console and portal session of this account at its next request: for changes after
     * which the person should not carry on as before (disabled, password set by staff, roles or
     * permissions changed, a new password chosen).
     */
    public void endSessions() {
        sessionStamp++;
    }

    public Instant getLastLoginAt() {
        return lastLoginAt;
    }

    public void setLastLoginAt(Instant lastLoginAt) {
        this.lastLoginAt = lastLoginAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getPasswordChangedAt() {
        return passwordChangedAt;
    }

    public void setPasswordChangedAt(Instant passwordChangedAt) {
        this.passwordChangedAt = passwordChangedAt;
    }

    public Set<Role> getRoles() {
        return roles;
    }

    public long getVersion() {
        return version;
    }

    public Set<AccountScope> getScopes() {
        return scopes;
    }
}
