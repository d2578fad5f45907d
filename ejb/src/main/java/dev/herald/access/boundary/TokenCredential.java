package dev.herald.access.boundary;

import jakarta.security.enterprise.credential.Credential;

/** An API token secret from an {@code Authorization: Bearer} header. */
public record TokenCredential(String secret, String remoteAddress) implements Credential {

    @Override
    public String toString() {
        return "TokenCredential[" + (secret == null ? "" : secret.substring(0, Math.min(8, secret.length()))) + "…]";
    }
}
