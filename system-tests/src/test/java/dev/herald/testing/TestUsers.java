package dev.herald.testing;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Test accounts, written straight into the server's database. The password hash is made the way
 * Jakarta Security's Pbkdf2PasswordHash stores it ({@code algorithm:iterations:salt:hash}), with
 * few iterations so that fixtures are quick; Herald reads the iterations from the hash.
 */
public final class TestUsers {

    public record TestUser(String username, String password) {}

    private TestUsers() {}

    public static TestUser create(String roleName) {
        String username = "st-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "pw-" + UUID.randomUUID();
        try (Connection connection = HeraldServer.get().database().getConnection()) {
            connection.setAutoCommit(false);
            long userId;
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO app_user (username, display_name, email, email_key, password_hash, enabled,
                                          must_change_password, created_at, version)
                    VALUES (?, ?, ?, LOWER(?), ?, TRUE, FALSE, ?, 0)""", Statement.RETURN_GENERATED_KEYS)) {
                insert.setString(1, username);
                insert.setString(2, "Test " + roleName);
                insert.setString(3, username + "@example.org");
                insert.setString(4, username + "@example.org");
                insert.setString(5, hash(password));
                insert.setObject(6, OffsetDateTime.now(ZoneOffset.UTC));
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    userId = keys.getLong("id");
                }
            }
            try (PreparedStatement grant = connection.prepareStatement(
                    "INSERT INTO user_role (user_id, role_id) SELECT ?, id FROM app_role WHERE name = ?")) {
                grant.setLong(1, userId);
                grant.setString(2, roleName);
                if (grant.executeUpdate() != 1) {
                    throw new IllegalArgumentException("No role " + roleName);
                }
            }
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new TestUser(username, password);
    }

    private static String hash(String password) {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        int iterations = 1000;
        try {
            byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512")
                    .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 64 * 8))
                    .getEncoded();
            Base64.Encoder base64 = Base64.getEncoder();
            return "PBKDF2WithHmacSHA512:" + iterations + ":" + base64.encodeToString(salt) + ":"
                    + base64.encodeToString(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
