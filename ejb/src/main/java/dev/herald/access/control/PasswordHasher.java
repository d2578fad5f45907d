package dev.herald.access.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * PBKDF2 with HMAC-SHA-512 and 210,000 iterations (the OWASP figure for this algorithm), through the
 * container's {@link Pbkdf2PasswordHash}. The stored form names its algorithm and iterations, so they
 * can be raised later without invalidating existing hashes. An unknown user is checked against a
 * dummy hash, so that a wrong user name takes as long to refuse as a wrong password.
 */
@ApplicationScoped
public class PasswordHasher {

    private static final Map<String, String> PARAMETERS = Map.of(
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
            "Pbkdf2PasswordHash.Iterations", "210000",
            "Pbkdf2PasswordHash.SaltSizeBytes", "32",
            "Pbkdf2PasswordHash.KeySizeBytes", "64");

    @Inject
    Pbkdf2PasswordHash hash;

    private String dummyHash;

    @PostConstruct
    void configure() {
        hash.initialize(PARAMETERS);
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        dummyHash = hash.generate(Base64.getEncoder().encodeToString(random).toCharArray());
    }

    public String hash(String password) {
        return hash.generate(password.toCharArray());
    }

    public boolean verify(String password, String storedHash) {
        return password != null && hash.verify(password.toCharArray(), storedHash);
    }

    /** Spends the time of one verification, for a user that does not exist; never true. */
    public boolean verifyNothing(String password) {
        hash.verify(password == null ? new char[0] : password.toCharArray(), dummyHash);
        return false;
    }
}
