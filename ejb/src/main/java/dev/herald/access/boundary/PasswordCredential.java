package dev.herald.access.boundary;

import jakarta.security.enterprise.credential.UsernamePasswordCredential;

/**
 * A user name and password, with where they were typed. The identity store writes the outcome back
 * onto the credential, so that the login page can say "locked" rather than only "refused": Jakarta
 * Security's validation result knows no more than valid or invalid.
 */
public class PasswordCredential extends UsernamePasswordCredential {

    private final Channel channel;
    private final String remoteAddress;
    private volatile Authentication.Outcome outcome;
    private volatile boolean refusedHere;
    private volatile boolean mustChangePassword;

    public PasswordCredential(String username, String password, Channel channel, String remoteAddress) {
        super(username == null ? "" : username, password == null ? "" : password);
        this.channel = channel;
        this.remoteAddress = remoteAddress;
    }

    public Channel channel() {
        return channel;
    }

    public String remoteAddress() {
        return remoteAddress;
    }

    public Authentication.Outcome outcome() {
        return outcome;
    }

    public void outcome(Authentication.Outcome value) {
        this.outcome = value;
    }

    /**
     * Marks a valid user who may not use the application they signed in to: a partner at the
     * console, or staff without Collect Reports at the portal.
     */
    public void refuseHere() {
        this.refusedHere = true;
    }

    public boolean refusedHere() {
        return refusedHere;
    }

    /** Set on a valid sign-in whose password staff set: the user must choose their own before anything else. */
    public void mustChangePassword(boolean value) {
        this.mustChangePassword = value;
    }

    public boolean mustChangePassword() {
        return mustChangePassword;
    }
}
