package dev.herald.access.boundary;

import jakarta.security.enterprise.credential.UsernamePasswordCredential;

/**
 * A user name and password, with where they were typed. The identity store writes back onto the
 * credential what the login page needs beyond valid or invalid (all Jakarta Security's validation
 * result knows): whether a valid user may not use this application, whether they must choose a new
 * password, and the session stamp their session remembers.
 */
public class PasswordCredential extends UsernamePasswordCredential {

    private final Channel channel;
    private final String remoteAddress;
    private volatile boolean refusedHere;
    private volatile boolean mustChangePassword;
    private volatile long sessionStamp;

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

    /** Takes over from a valid sign-in what its session needs to remember. */
    public void accepted(Authentication result) {
        this.mustChangePassword = result.mustChangePassword();
        this.sessionStamp = result.sessionStamp();
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
    public boolean mustChangePassword() {
        return mustChangePassword;
    }

    public long sessionStamp() {
        return sessionStamp;
    }
}
