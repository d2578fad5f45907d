package dev.herald.access.control;

import dev.herald.access.entity.Role;
import dev.herald.access.entity.UserAccount;
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
 * it made.
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

    @PostConstruct
    void ensureAdministrator() {
        try {
            transaction.begin();
            if (hasAdministrator()) {
                transaction.commit();
                return;
            }
            String password = initialPassword();
            UserAccount admin =
                    new UserAccount(ADMIN, "Administrator", null, passwordHasher.hash(password), clock.instant());
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
