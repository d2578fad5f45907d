package dev.herald.access.control;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a new password must be: at least 12 characters, at most 200, not one of the common passwords
 * shipped with Herald (also not one of them with a few digits or symbols added, such as
 * "password1234"), and not the user's own name. Length beats composition rules, as NIST SP 800-63B
 * advises, so there is no demand for digits or capitals.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 200;
    private static final int MAX_ADDED_CHARACTERS = 4;
    private static final Set<String> COMMON = load();

    private PasswordPolicy() {}

    /** Why the password may not be used, in words for the person typing it; empty when it may. */
    public static Optional<String> problem(String password, String username) {
        if (password == null || password.isEmpty()) {
            return Optional.of("Enter a password.");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return Optional.of("A password needs at least " + MIN_LENGTH + " characters; this one has " + length + ".");
        }
        if (length > MAX_LENGTH) {
            return Optional.of("A password has at most " + MAX_LENGTH + " characters.");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (isCommon(lower)) {
            return Optional.of("This password is one of the most common ones; choose another.");
        }
        if (lower.chars().distinct().count() <= 2) {
            return Optional.of("This password repeats one or two characters; choose another.");
        }
        if (username != null
                && !username.isBlank()
                && lower.contains(username.strip().toLowerCase(Locale.ROOT))) {
            return Optional.of("The password may not contain the user name.");
        }
        return Optional.empty();
    }

    private static boolean isCommon(String lower) {
        if (COMMON.contains(lower)) {
            return true;
        }
        int end = lower.length();
        for (int added = 1; added <= MAX_ADDED_CHARACTERS && end > 0; added++) {
            char last = lower.charAt(end - 1);
            if (Character.isLetter(last)) {
                break;
            }
            end--;
            if (COMMON.contains(lower.substring(0, end))) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>(65_536);
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("common-passwords.txt is missing from the class path");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    words.add(line.strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
