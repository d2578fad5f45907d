package dev.herald.platform.control;

import dev.herald.platform.boundary.ValidationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Recipient lists as people type them: separated by commas, semicolons or new lines, each a plain
 * address (no display names), the same address once. The check is deliberately practical: a local
 * part, one @, and a domain with a dot, no spaces; anything cleverer belongs to the mail server.
 */
public final class EmailAddresses {

    public static final int MAX_RECIPIENTS = 50;

    private static final Pattern SEPARATORS = Pattern.compile("[,;\\s]+");
    private static final Pattern ADDRESS = Pattern.compile(
            "^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");

    /** The addresses in order, split and trimmed, without repeats (compared without case). */
    public static List<String> split(List<String> entries) {
        Map<String, String> addresses = new LinkedHashMap<>();
        if (entries != null) {
            for (String entry : entries) {
                if (entry == null) {
                    continue;
                }
                for (String address : SEPARATORS.split(entry.strip())) {
                    if (!address.isEmpty()) {
                        addresses.putIfAbsent(address.toLowerCase(Locale.ROOT), address);
                    }
                }
            }
        }
        return new ArrayList<>(addresses.values());
    }

    /**
     * The addresses of a list people typed, with a message on {@code field} when there are none,
     * more than {@value #MAX_RECIPIENTS}, or some that are not addresses.
     */
    public static List<String> check(List<String> entries, String field, ValidationException.Builder errors) {
        List<String> addresses = split(entries);
        if (addresses.isEmpty()) {
            errors.add(field, "Add at least one e-mail address, separated by commas.");
        } else if (addresses.size() > MAX_RECIPIENTS) {
            errors.add(field, "At most " + MAX_RECIPIENTS + " addresses; this list has " + addresses.size() + ".");
        } else {
            List<String> invalid =
                    addresses.stream().filter(address -> !isValid(address)).toList();
            if (!invalid.isEmpty()) {
                errors.add(
                        field,
                        (invalid.size() == 1 ? "Not an e-mail address: " : "Not e-mail addresses: ")
                                + String.join(", ", invalid) + ".");
            }
        }
        return addresses;
    }

    public static boolean isValid(String address) {
        return address != null
                && address.length() <= 320
                && ADDRESS.matcher(address).matches();
    }

    private EmailAddresses() {}
}
