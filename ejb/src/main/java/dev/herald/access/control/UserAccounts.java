package dev.herald.access.control;

import dev.herald.access.entity.UserAccount;
import jakarta.persistence.EntityManager;
import java.util.Optional;

/** Finding an account by its user name, as typed or as the container names the caller, or by its e-mail address. */
public final class UserAccounts {

    /** The longest sign-in name looked up: an e-mail address has at most 320 characters. */
    public static final int MAX_SIGN_IN_NAME = 320;

    /**
     * What a sign-in name found: one account, none, or two different accounts (one whose user name it
     * is and another whose e-mail address it is), which counts as none so that nobody signs in to an
     * account they did not mean.
     */
    public record Found(Optional<UserAccount> account, boolean ambiguous) {

        static Found none() {
            return new Found(Optional.empty(), false);
        }
    }

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

    public static Optional<UserAccount> byEmail(EntityManager em, String email) {
        if (email == null || email.isBlank() || email.length() > MAX_SIGN_IN_NAME) {
            return Optional.empty();
        }
        return em.createNamedQuery(UserAccount.BY_EMAIL_KEY, UserAccount.class)
                .setParameter("emailKey", UserAccount.emailKey(email.strip()))
                .getResultStream()
                .findFirst();
    }

    /**
     * The account a person means by what they typed at a sign-in: their user name or their e-mail
     * address (e-mails invite people to sign in with the address they were sent to).
     */
    public static Found bySignInName(EntityManager em, String typed) {
        String name = UserAccount.normalizeUsername(typed);
        if (name == null || name.isEmpty() || name.length() > MAX_SIGN_IN_NAME) {
            return Found.none();
        }
        Optional<UserAccount> byName = name.length() <= 100 ? byUsername(em, name) : Optional.empty();
        Optional<UserAccount> byAddress = name.indexOf('@') > 0 ? byEmail(em, name) : Optional.empty();
        return decide(byName, byAddress);
    }

    /**
     * One account when the user name and the address agree or only one of them matches; none, and
     * ambiguous, when they name two different accounts.
     */
    static Found decide(Optional<UserAccount> byName, Optional<UserAccount> byAddress) {
        // One persistence context holds one instance per row: two instances are two accounts.
        if (byName.isPresent() && byAddress.isPresent() && byName.get() != byAddress.get()) {
            return new Found(Optional.empty(), true);
        }
        return new Found(byName.or(() -> byAddress), false);
    }
}
