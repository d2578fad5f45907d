package dev.herald.access.boundary;

import dev.herald.access.control.VerifiedPasswords;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * This instance's HTTP Basic sign-ins to the API verified in the last minute (see
 * {@link VerifiedPasswords} for why that is safe), and the hook by which a change to an account
 * forgets them here at once. Other instances notice the change by the account's version.
 */
@ApplicationScoped
public class ApiSignIns {

    private final VerifiedPasswords<Authentication> verified = new VerifiedPasswords<>();

    /** Public, so that a CDI client proxy hands the call on to the one instance. */
    public VerifiedPasswords<Authentication> verified() {
        return verified;
    }

    /** The account changed (password, enabled, roles, …): its remembered sign-ins go. */
    public void forgetAccount(long userId) {
        verified.forgetAccount(userId);
    }

    /** Many accounts changed at once. */
    public void forgetAll() {
        verified.forgetAll();
    }
}
