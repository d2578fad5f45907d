package dev.herald.access.boundary;

import dev.herald.access.control.PasswordHasher;
import dev.herald.access.control.PasswordPolicy;
import dev.herald.access.control.RoleDelegation;
import dev.herald.access.control.ScopeValues;
import dev.herald.access.control.SignInCounters.Block;
import dev.herald.access.control.SignInThrottles;
import dev.herald.access.control.UserAccounts;
import dev.herald.access.entity.AccountScope;
import dev.herald.access.entity.Role;
import dev.herald.access.entity.SecurityRoles;
import dev.herald.access.entity.UserAccount;
import dev.herald.audit.boundary.AuditLog;
import dev.herald.audit.boundary.AuditRecord;
import dev.herald.platform.boundary.ConflictException;
import dev.herald.platform.boundary.ExpectedVersion;
import dev.herald.platform.boundary.ForbiddenException;
import dev.herald.platform.boundary.NotFoundException;
import dev.herald.platform.boundary.Page;
import dev.herald.platform.boundary.UnavailableException;
import dev.herald.platform.boundary.ValidationException;
import dev.herald.platform.control.EmailAddresses;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Staff managing accounts: list, create (staff or partner), edit, enable and disable, unlock, set a
 * password. Every change checks {@link RoleDelegation} against the caller's roles as they are in the
 * database now, is audited with before and after, and keeps at least one enabled Super
 * Administrator: that rule is checked under a lock on the Super Administrator role's row, so two
 * administrators disabling each other at the same moment cannot both succeed.
 *
 * <p>Disabling a user, setting their password, changing their roles or demanding a new password
 * ends their console and portal sessions at their next request ({@link UserAccount#endSessions()}).
 * E-mail addresses are unique without case: checked here for a message on the field, and by a
 * unique key in the database for two changes at the same moment.
 */
@Stateless
@RolesAllowed(SecurityRoles.MANAGE_USERS)
public class UserService {

    /** The database's unique key on e-mail addresses (V11). */
    private static final String EMAIL_KEY = "uq_app_user_email_key";

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@+-]{1,99}");

    @PersistenceContext(unitName = "herald")
    EntityManager em;

    @Resource
    SessionContext session;

    @Inject
    PasswordHasher passwordHasher;

    @Inject
    SignInThrottles throttles;

    @Inject
    AuditLog auditLog;

    @Inject
    ScopeValues scopeValues;

    @Inject
    Clock clock;

    @Inject
    ApiSignIns apiSignIns;

    /** Users whose user name, display name or e-mail contains q; optionally only enabled or disabled ones. */
    public Page<UserView> search(String q, Boolean enabled, Integer page, Integer size) {
        int pageNumber = Page.page(page);
        int pageSize = Page.size(size);
        List<String> conditions = new ArrayList<>();
        String pattern =
                q == null || q.isBlank() ? null : "%" + escapeLike(q.strip().toLowerCase(Locale.ROOT)) + "%";
        if (pattern != null) {
            conditions.add("(u.username LIKE :q ESCAPE '\\' OR LOWER(u.displayName) LIKE :q ESCAPE '\\'"
                    + " OR LOWER(u.email) LIKE :q ESCAPE '\\')");
        }
        if (enabled != null) {
            conditions.add("u.enabled = :enabled");
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        TypedQuery<UserAccount> query =
                em.createQuery("SELECT u FROM UserAccount u" + where + " ORDER BY u.username", UserAccount.class);
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(u) FROM UserAccount u" + where, Long.class);
        if (pattern != null) {
            query.setParameter("q", pattern);
            count.setParameter("q", pattern);
        }
        if (enabled != null) {
            query.setParameter("enabled", enabled);
            count.setParameter("enabled", enabled);
        }
        RoleDelegation delegation = callerDelegation();
        List<UserAccount> users = query.setFirstResult(pageNumber * pageSize)
                .setMaxResults(pageSize)
                .getResultList();
        Map<Long, List<Block>> blocks =
                throttles.blocks(users.stream().map(UserAccount::getId).toList());
        List<UserView> items = users.stream()
                .map(user -> UserView.of(
                        user,
                        blocks.getOrDefault(user.getId(), List.of()),
                        delegation.mayManageHolderOf(user.getRoles())))
                .toList();
        return new Page<>(items, pageNumber, pageSize, count.getSingleResult());
    }

    public UserView get(long id) {
        UserAccount user = find(id);
        return view(user, callerDelegation().mayManageHolderOf(user.getRoles()));
    }

    /** The names of the roles the caller may give, for the role picker. */
    public Set<String> assignableRoles() {
        return callerDelegation().assignableNames(allRoles());
    }

    public UserView create(UserInput input, String remoteAddress) {
        return createWith(input, input == null ? null : input.roles(), remoteAddress, "user.create");
    }

    /**
     * The shortcut for outside partners: the account gets Collect Reports and nothing else, and needs
     * an e-mail address, because that is how reports are made available to it.
     */
    public UserView createPartner(UserInput input, String remoteAddress) {
        if (input != null && (input.email() == null || input.email().isBlank())) {
            throw ValidationException.of(
                    "email", "A partner needs an e-mail address: reports are sent and offered to it.");
        }
        return createWith(input, List.of(Role.COLLECT_REPORTS), remoteAddress, "user.create.partner");
    }

    private UserView createWith(UserInput input, List<String> roleNames, String remoteAddress, String action) {
        if (input == null) {
            throw ValidationException.of("username", "Send the user to create.");
        }
        RoleDelegation delegation = callerDelegation();
        ValidationException.Builder problems = ValidationException.builder();
        String username = UserAccount.normalizeUsername(input.username());
        if (username == null || username.isEmpty()) {
            problems.add("username", "Enter a user name.");
        } else if (!USERNAME.matcher(username).matches()) {
            problems.add("username", "A user name has 2 to 100 characters: letters, digits and . _ @ + - (not first).");
        } else if (findByUsername(username) != null) {
            problems.add("username", "There is already a user called " + username + ".");
        }
        String displayName = checkDisplayName(input.displayName(), problems);
        String email = checkEmail(input.email(), null, problems);
        PasswordPolicy.problem(input.password(), username).ifPresent(message -> problems.add("password", message));
        Set<Role> roles = checkRoles(roleNames, delegation, problems);
        problems.throwIfAny();

        Instant now = clock.instant();
        UserAccount user = new UserAccount(username, displayName, email, passwordHasher.hash(input.password()), now);
        user.setEnabled(input.enabled() == null || input.enabled());
        user.setMustChangePassword(input.mustChangePassword() == null || input.mustChangePassword());
        user.setPasswordChangedAt(now);
        user.getRoles().addAll(roles);
        em.persist(user);
        flush(em, email);
        auditLog.record(AuditRecord.of(callerName(), action, remoteAddress)
                .about("user", user.getId())
                .withDetail(username)
                .change(null, snapshot(user)));
        return view(user, true);
    }

    public UserView update(long id, UserInput input, String remoteAddress) {
        return update(id, input, ExpectedVersion.missing(), remoteAddress);
    }

    /**
     * Changes a user; a version given (If-Match) is compared under the row's lock in this
     * transaction, and any change, also one only of their roles, moves the version on.
     */
    public UserView update(long id, UserInput input, ExpectedVersion expected, String remoteAddress) {
        if (input == null) {
            throw ValidationException.of("displayName", "Send the user's new state.");
        }
        UserAccount user = findManageable(id);
        if (!expected.isMissing()) {
            em.refresh(user, LockModeType.PESSIMISTIC_WRITE);
            expected.check("user", id, user.getVersion());
        }
        RoleDelegation delegation = callerDelegation();
        ValidationException.Builder problems = ValidationException.builder();
        if (input.username() != null && !user.getUsername().equals(UserAccount.normalizeUsername(input.username()))) {
            problems.add("username", "A user name cannot be changed; create a new user instead.");
        }
        String displayName = checkDisplayName(input.displayName(), problems);
        String email = checkEmail(input.email(), user.getId(), problems);
        Set<Role> roles = input.roles() == null
                ? new HashSet<>(user.getRoles())
                : checkRoles(input.roles(), delegation, problems);
        problems.throwIfAny();

        boolean enabled = input.enabled() == null ? user.isEnabled() : input.enabled();
        refuseSelfDisable(user, enabled);
        keepASuperAdministrator(user, enabled, roles);
        Map<String, Object> before = snapshot(user);
        boolean mustChangeNow = Boolean.TRUE.equals(input.mustChangePassword()) && !user.isMustChangePassword();
        boolean endsSessions = (user.isEnabled() && !enabled) || mustChangeNow || !roles.equals(user.getRoles());
        user.setDisplayName(displayName);
        user.setEmail(email);
        user.setEnabled(enabled);
        if (input.mustChangePassword() != null) {
            user.setMustChangePassword(input.mustChangePassword());
        }
        user.getRoles().clear();
        user.getRoles().addAll(roles);
        if (endsSessions) {
            user.endSessions();
        }
        long versionBefore = user.getVersion();
        flush(em, email);
        if (user.getVersion() == versionBefore) {
            // Only the roles changed (a join table): the version, the API's ETag, moves on all the same.
            em.createNativeQuery("UPDATE app_user SET version = version + 1 WHERE id = ?1")
                    .setParameter(1, id)
                    .executeUpdate();
            em.refresh(user);
        }
        apiSignIns.forgetAccount(id);
        auditLog.record(AuditRecord.of(callerName(), "user.update", remoteAddress)
                .about("user", id)
                .withDetail(user.getUsername())
                .change(before, snapshot(user)));
        return view(user, true);
    }

    public UserView setEnabled(long id, boolean enabled, String remoteAddress) {
        UserAccount user = findManageable(id);
        if (user.isEnabled() == enabled) {
            return view(user, true);
        }
        refuseSelfDisable(user, enabled);
        keepASuperAdministrator(user, enabled, user.getRoles());
        Map<String, Object> before = snapshot(user);
        user.setEnabled(enabled);
        if (!enabled) {
            user.endSessions();
        }
        apiSignIns.forgetAccount(id);
        auditLog.record(AuditRecord.of(callerName(), enabled ? "user.enable" : "user.disable", remoteAddress)
                .about("user", id)
                .withDetail(user.getUsername())
                .change(before, snapshot(user)));
        return view(user, true);
    }

    /**
     * Lifts the account's sign-in blocks from every address before their fifteen minutes are over,
     * and forgets its failed sign-ins. Blocks of an address as a whole are not the account's, and stay.
     */
    public UserView unlock(long id, String remoteAddress) {
        UserAccount user = findManageable(id);
        int blocks = throttles.clear(id);
        auditLog.record(AuditRecord.of(callerName(), "user.unlock", remoteAddress)
                .about("user", id)
                .withDetail(user.getUsername()
                        + (blocks == 0 ? " was not blocked" : " was blocked from " + blocks + " address(es)")));
        return view(user, true);
    }

    /** Staff set a password and tell it in person; it also lifts the account's sign-in blocks. */
    public UserView setPassword(long id, PasswordInput input, String remoteAddress) {
        UserAccount user = findManageable(id);
        String password = input == null ? null : input.password();
        PasswordPolicy.problem(password, user.getUsername()).ifPresent(message -> {
            throw ValidationException.of("password", message);
        });
        boolean mustChange = input.mustChangePassword() == null || input.mustChangePassword();
        em.lock(user, LockModeType.PESSIMISTIC_WRITE);
        Map<String, Object> before = snapshot(user);
        Instant now = clock.instant();
        user.setPasswordHash(passwordHasher.hash(password));
        user.setPasswordChangedAt(now);
        user.setMustChangePassword(mustChange);
        user.endSessions();
        apiSignIns.forgetAccount(id);
        throttles.clear(id);
        auditLog.record(AuditRecord.of(callerName(), "user.password.set", remoteAddress)
                .about("user", id)
                .withDetail(user.getUsername() + (mustChange ? ": must change it at next sign-in" : ""))
                .change(before, snapshot(user)));
        return view(user, true);
    }

    /** The most values of one kind an account can hold. */
    public static final int MAX_SCOPE_VALUES = 1000;

    /**
     * Limits the user to these scope values, by kind, replacing what they held (an empty map: no
     * limits). Each kind must be declared and each value one its lookup answers now. Audited with
     * before and after; what a partner may see changes at their next run, as runs read scopes when
     * they begin.
     */
    public UserView setScopes(long id, Map<String, List<String>> scopes, String remoteAddress) {
        if (scopes == null) {
            throw ValidationException.of(
                    "scopes", "Send the scope values by kind, for example {\"promoter\": [\"3\"]}.");
        }
        UserAccount user = findManageable(id);
        ValidationException.Builder problems = ValidationException.builder();
        Set<AccountScope> after = new HashSet<>();
        for (Map.Entry<String, List<String>> entry : scopes.entrySet()) {
            String field = "scopes." + entry.getKey();
            String label = scopeValues.label(entry.getKey());
            if (label == null) {
                problems.add(field, "There is no scope kind called " + entry.getKey());
                continue;
            }
            List<String> values = entry.getValue() == null ? List.of() : entry.getValue();
            if (values.size() > MAX_SCOPE_VALUES) {
                problems.add(field, "At most " + MAX_SCOPE_VALUES + " values of one kind");
                continue;
            }
            Map<String, String> known;
            try {
                known = scopeValues.names(entry.getKey());
            } catch (SQLException e) {
                throw new UnavailableException(
                        "The values of " + label + " could not be read from the reporting data: " + e.getMessage());
            }
            for (String value : values) {
                if (value == null || !known.containsKey(value)) {
                    problems.add(field, label + " has no value " + value);
                } else {
                    after.add(new AccountScope(entry.getKey(), value));
                }
            }
        }
        problems.throwIfAny();
        Map<String, List<String>> before = UserView.scopes(user);
        user.getScopes().clear();
        user.getScopes().addAll(after);
        em.flush();
        auditLog.record(AuditRecord.of(callerName(), "user.scopes", remoteAddress)
                .about("user", id)
                .withDetail(user.getUsername())
                .change(
                        Map.of("scopes", before.toString()),
                        Map.of("scopes", UserView.scopes(user).toString())));
        return view(user, true);
    }

    /** The user's scope values by kind. */
    public Map<String, List<String>> scopes(long id) {
        return UserView.scopes(find(id));
    }

    private void refuseSelfDisable(UserAccount user, boolean enabled) {
        if (!enabled && user.getUsername().equals(callerName())) {
            throw new ConflictException("You cannot disable your own account.");
        }
    }

    /** Refuses a change that would leave no enabled Super Administrator. */
    private void keepASuperAdministrator(UserAccount user, boolean enabledAfter, Set<Role> rolesAfter) {
        boolean isNow = user.isEnabled() && holdsSuperAdministrator(user.getRoles());
        boolean isAfter = enabledAfter && holdsSuperAdministrator(rolesAfter);
        if (!isNow || isAfter) {
            return;
        }
        Role superAdministrator = roleNamed(Role.SUPER_ADMINISTRATOR);
        em.lock(superAdministrator, LockModeType.PESSIMISTIC_WRITE);
        long others = em.createQuery(
                        "SELECT COUNT(u) FROM UserAccount u JOIN u.roles r"
                                + " WHERE r = :role AND u.enabled = TRUE AND u.id <> :id",
                        Long.class)
                .setParameter("role", superAdministrator)
                .setParameter("id", user.getId())
                .getSingleResult();
        if (others == 0) {
            throw new ConflictException(user.getUsername()
                    + " is the last enabled Super Administrator; give another user that role first.");
        }
    }

    private static boolean holdsSuperAdministrator(Set<Role> roles) {
        return roles.stream().anyMatch(role -> Role.SUPER_ADMINISTRATOR.equals(role.getName()));
    }

    private Set<Role> checkRoles(List<String> names, RoleDelegation delegation, ValidationException.Builder problems) {
        Set<Role> roles = new HashSet<>();
        if (names == null || names.isEmpty()) {
            problems.add("roles", "Give the user at least one role.");
            return roles;
        }
        for (String name : names) {
            Role role = name == null ? null : findRole(name.strip());
            if (role == null) {
                problems.add("roles", "There is no role called " + name + ".");
            } else if (!delegation.mayAssign(role)) {
                throw new ForbiddenException("You may not assign the role " + role.getName() + ".");
            } else {
                roles.add(role);
            }
        }
        return roles;
    }

    private static String checkDisplayName(String value, ValidationException.Builder problems) {
        String name = value == null ? "" : value.strip();
        if (name.isEmpty()) {
            problems.add("displayName", "Enter the name people know this user by.");
        } else if (name.length() > 200) {
            problems.add("displayName", "A display name has at most 200 characters.");
        }
        return name;
    }

    /** The address as it will be stored; {@code userId} is the user being changed (null for a new one). */
    private String checkEmail(String value, Long userId, ValidationException.Builder problems) {
        String email = value == null || value.isBlank() ? null : value.strip();
        if (email != null && (email.length() > 320 || !EmailAddresses.isValid(email))) {
            problems.add("email", email + " is not an e-mail address.");
        } else if (email != null && emailHolder(email, userId) != null) {
            problems.add("email", emailTaken(email));
        }
        return email;
    }

    /** Another user whose address this is, in any case. */
    private UserAccount emailHolder(String email, Long userId) {
        return em.createNamedQuery(UserAccount.BY_EMAIL_KEY, UserAccount.class)
                .setParameter("emailKey", UserAccount.emailKey(email))
                .getResultStream()
                .filter(holder -> !holder.getId().equals(userId))
                .findFirst()
                .orElse(null);
    }

    private static String emailTaken(String email) {
        // Only staff who manage users read this, and they may list every user's address anyway.
        return "Another user already has the e-mail address " + email
                + ". Each account needs its own: the portal offers reports and files by address.";
    }

    /**
     * Writes the change; when another change took the same address at the same moment, the
     * database's unique key refuses it, and the person is told as if the check above had seen it.
     */
    private static void flush(EntityManager em, String email) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                String message = cause.getMessage();
                if (email != null
                        && message != null
                        && message.toLowerCase(Locale.ROOT).contains(EMAIL_KEY)) {
                    throw ValidationException.of("email", emailTaken(email));
                }
            }
            throw e;
        }
    }

    private UserView view(UserAccount user, boolean manageable) {
        return UserView.of(
                user, throttles.blocks(List.of(user.getId())).getOrDefault(user.getId(), List.of()), manageable);
    }

    /** The parts of a user that a change can touch, for the audit log: never the password hash. */
    private static Map<String, Object> snapshot(UserAccount user) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("username", user.getUsername());
        state.put("displayName", user.getDisplayName());
        state.put("email", user.getEmail());
        state.put("enabled", user.isEnabled());
        state.put("mustChangePassword", user.isMustChangePassword());
        state.put("roles", user.getRoles().stream().map(Role::getName).sorted().toList());
        state.put(
                "passwordChangedAt",
                user.getPasswordChangedAt() == null
                        ? null
                        : user.getPasswordChangedAt().toString());
        return state;
    }

    private UserAccount find(long id) {
        UserAccount user = em.find(UserAccount.class, id);
        if (user == null) {
            throw new NotFoundException("user", id);
        }
        return user;
    }

    private UserAccount findManageable(long id) {
        UserAccount user = find(id);
        if (!callerDelegation().mayManageHolderOf(user.getRoles())) {
            throw new ForbiddenException(
                    "You may not change " + user.getUsername() + ": they hold a role you may not assign.");
        }
        return user;
    }

    private UserAccount findByUsername(String username) {
        return UserAccounts.byUsername(em, username).orElse(null);
    }

    private Role findRole(String name) {
        return em.createNamedQuery(Role.BY_NAME, Role.class)
                .setParameter("name", name)
                .getResultStream()
                .findFirst()
                .orElse(null);
    }

    private Role roleNamed(String name) {
        Role role = findRole(name);
        if (role == null) {
            throw new NotFoundException("role", name);
        }
        return role;
    }

    private List<Role> allRoles() {
        return em.createNamedQuery(Role.ALL, Role.class).getResultList();
    }

    private RoleDelegation callerDelegation() {
        UserAccount caller = findByUsername(callerName());
        return new RoleDelegation(caller == null ? Set.of() : caller.getRoles());
    }

    private String callerName() {
        return session.getCallerPrincipal().getName();
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
