package dev.herald.access.control;

import dev.herald.access.entity.UserAccount;
import jakarta.persistence.EntityManager;
import java.util.Optional;

/** Finding an account by its user name, as typed or as the container names the caller. */
public final class UserAccounts {

    private UserAccounts() {}

    public static Optional<UserAccount> byUsername(EntityManager em, String username) {
        String name = UserAccount.normalizeUsername(username);
        if (name == null || name.isEmpty()) {
            return Optional.empty();
        }
        return em.createNamedQuery(UserAccount.BY_USERNAME, UserAccount.class)
                .setParameter("username", name)
                .getResultStream()
                .findFirst();
    }
}
