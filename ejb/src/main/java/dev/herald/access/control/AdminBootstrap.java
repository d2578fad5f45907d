package dev.herald.access.control;

import dev.herald.access.entity.Role;
import dev.herald.access.entity.UserAccount;
import dev.herald.platform.control.EmailAddresses;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Makes the first administrator, {@code admin}, when no account holds Super Administrator. Its
 * password is {@code herald.admin.password} (the environment variable HERALD_ADMIN_PASSWORD); without
 * one, a password is generated and logged once. There is never a fixed default. When several
 * instances start on an empty database at once, one of them makes the account and the others find
 * it made. {@code herald.admin.email} (HERALD_ADMIN_EMAIL) gives it an e-mail address, so that the
 * notices about its schedules reach someone; it is also given to an {@code admin} that has none yet.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@TransactionManagement(TransactionManagementType.BEAN)
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class.getName());
    static final String ADMIN = "admin";
    private static final int GENERATED_LENGTH = 20;

    @PersistenceContext(unitName = "herald")
    EntityManager em;

    @Resource
    UserTransaction transaction;

    @Inject
    PasswordHasher passwordHasher;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "herald.admin.password")
    Optional<String> configuredPassword;

    @Inject
    @ConfigProperty(name = "herald.admin.email")
    Optional<String> configuredEmail;

    @PostConstruct
    void ensureAdministrator() {
        try {
            transaction.begin();
            if (hasAdministrator()) {
                giveAdminTheConfiguredEmail();
                transaction.commit();
                return;
            }
            String password = initialPassword();
            UserAccount admin = new UserAccount(
                    ADMIN, "Administrator", usableEmail().orElse(null), passwordHasher.hash(password), clock.instant());
            admin.getRoles().add(superAdministratorRole());
            em.persist(admin);
            transaction.commit();
            LOG.info("Created the first administrator, 'admin'");
        } catch (Exception e) {
            rollbackQuietly();
            LOG.log(Level.WARNING, "Could not create the first administrator (another instance may have made it)", e);
        }
    }

    private boolean hasAdministrator() {
        long superAdministrators = em.createNamedQuery(UserAccount.COUNT_ENABLED_WITH_ROLE, Long.class)
                .setParameter("role", Role.SUPER_ADMINISTRATOR)
                .getSingleResult();
        boolean adminExists = em.createNamedQuery(UserAccount.BY_USERNAME, UserAccount.class)
                .setParameter("username", ADMIN)
                .getResultStream()
                .findFirst()
                .isPresent();
        return superAdministrators > 0 || adminExists;
    }

    /** The configured address, when it is an address no other account has. */
    private Optional<String> usableEmail() {
        Optional<String> configured = configuredEmail.map(String::strip).filter(e -> !e.isEmpty());
        if (configured.isEmpty()) {
            return Optional.empty();
        }
        String email = configured.get();
        if (!EmailAddresses.isValid(email)) {
            LOG.warning(() -> "HERALD_ADMIN_EMAIL is not an e-mail address ('" + email + "'); 'admin' has none");
            return Optional.empty();
        }
        boolean taken = em.createNamedQuery(UserAccount.BY_EMAIL_KEY, UserAccount.class)
                .setParameter("emailKey", UserAccount.emailKey(email))
                .getResultStream()
                .anyMatch(user -> !ADMIN.equals(user.getUsername()));
        if (taken) {
            LOG.warning(() -> "HERALD_ADMIN_EMAIL " + email + " belongs to another account; 'admin' is not given it");
            return Optional.empty();
        }
        return Optional.of(email);
    }

    /** An existing {@code admin} without an address gets the configured one; one it has is kept. */
    private void giveAdminTheConfiguredEmail() {
        em.createNamedQuery(UserAccount.BY_USERNAME, UserAccount.class)
                .setParameter("username", ADMIN)
                .getResultStream()
                .findFirst()
                .filter(admin -> admin.getEmail() == null || admin.getEmail().isBlank())
                .ifPresent(admin -> usableEmail().ifPresent(email -> {
                    admin.setEmail(email);
                    LOG.info(() -> "The first administrator 'admin' now has the e-mail address " + email);
                }));
    }

    private String initialPassword() {
        Optional<String> configured = configuredPassword.map(String::strip).filter(p -> !p.isEmpty());
        if (configured.isPresent()) {
            return configured.get();
        }
        String generated = PasswordGenerator.generate(GENERATED_LENGTH);
        LOG.warning("HERALD_ADMIN_PASSWORD is not set: the first administrator 'admin' has the generated password "
                + generated + " (shown only this once)");
        return generated;
    }

    private Role superAdministratorRole() {
        return em.createNamedQuery(Role.BY_NAME, Role.class)
                .setParameter("name", Role.SUPER_ADMINISTRATOR)
                .getSingleResult();
    }

    private void rollbackQuietly() {
        try {
            transaction.rollback();
        } catch (Exception ignored) {
            // nothing was committed, and nothing more can be done
        }
    }
}
