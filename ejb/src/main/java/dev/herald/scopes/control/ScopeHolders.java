package dev.herald.scopes.control;

import dev.herald.access.entity.UserAccount;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Accounts as scoping sees them, read in SQL (a run copying its items, a preview of who gets what):
 * their addresses, whether they are enabled, and the scope values they hold.
 */
public final class ScopeHolders {

    private ScopeHolders() {}

    /** An account as scoping needs it. */
    public record Holder(String username, String email, boolean enabled, Map<String, Set<String>> values) {}

    /**
     * One recipient of an item made per recipient: their address, account (null without one), their
     * values of the report's bound kinds, or why nothing is made for them.
     */
    public record Recipient(String email, String username, Map<String, Set<String>> values, String problem) {}

    /**
     * The recipients of an item made per recipient, in order: the addresses listed, or (with
     * {@code recipientKind}) every enabled account with an address holding a value of that kind.
     */
    public static List<Recipient> recipients(
            Connection connection, String recipientKind, List<String> listed, Set<String> kinds) throws SQLException {
        List<Recipient> recipients = new ArrayList<>();
        Map<String, Holder> holders = new LinkedHashMap<>();
        if (recipientKind != null) {
            holdersOf(connection, recipientKind).forEach(holder -> holders.put(holder.email(), holder));
        } else {
            holders.putAll(byEmail(connection, listed));
        }
        for (Map.Entry<String, Holder> entry : holders.entrySet()) {
            Holder holder = entry.getValue();
            if (holder == null) {
                recipients.add(new Recipient(
                        entry.getKey(),
                        null,
                        Map.of(),
                        entry.getKey() + " has no Herald account, so no " + String.join(", ", kinds)
                                + " value: nothing was made for them"));
                continue;
            }
            String missing = missing(holder, kinds);
            String problem = !holder.enabled()
                    ? holder.email() + "'s account is disabled: nothing was made for them"
                    : missing != null
                            ? holder.email() + " has no " + missing + " value: nothing was made for them"
                            : null;
            recipients.add(new Recipient(
                    holder.email(), holder.username(), problem == null ? only(holder, kinds) : Map.of(), problem));
        }
        return recipients;
    }

    public static String missing(Holder holder, Set<String> kinds) {
        return kinds.stream()
                .filter(kind -> holder.values().getOrDefault(kind, Set.of()).isEmpty())
                .findFirst()
                .orElse(null);
    }

    public static Map<String, Set<String>> only(Holder holder, Set<String> kinds) {
        Map<String, Set<String>> values = new TreeMap<>();
        kinds.forEach(kind -> values.put(kind, holder.values().get(kind)));
        return values;
    }

    /** The accounts with these addresses, by address as given (null for an address without one), in order. */
    public static Map<String, Holder> byEmail(Connection connection, List<String> emails) throws SQLException {
        Map<String, Holder> found = new LinkedHashMap<>();
        if (emails.isEmpty()) {
            return found;
        }
        Map<String, Holder> byKey = new TreeMap<>();
        List<String> keys =
                emails.stream().map(UserAccount::emailKey).distinct().toList();
        for (int from = 0; from < keys.size(); from += 500) {
            List<String> slice = keys.subList(from, Math.min(keys.size(), from + 500));
            read(
                    connection,
                    " WHERE u.email_key IN (" + "?,".repeat(slice.size() - 1) + "?)",
                    slice,
                    holder -> byKey.put(UserAccount.emailKey(holder.email()), holder));
        }
        for (String email : emails) {
            found.putIfAbsent(email, byKey.get(UserAccount.emailKey(email)));
        }
        return found;
    }

    public static Holder byUsername(Connection connection, String username) throws SQLException {
        if (username == null) {
            return null;
        }
        List<Holder> found = new ArrayList<>();
        read(connection, " WHERE u.username = ?", List.of(username), found::add);
        return found.isEmpty() ? null : found.get(0);
    }

    /** Every enabled account with an address holding a value of the kind, by address. */
    public static List<Holder> holdersOf(Connection connection, String kind) throws SQLException {
        List<Holder> found = new ArrayList<>();
        read(
                connection,
                " WHERE u.enabled = TRUE AND u.email IS NOT NULL"
                        + " AND u.id IN (SELECT s.user_id FROM account_scope s WHERE s.kind = ?)",
                List.of(kind),
                found::add);
        found.sort(
                (a, b) -> a.email().toLowerCase(Locale.ROOT).compareTo(b.email().toLowerCase(Locale.ROOT)));
        return found;
    }

    private static void read(
            Connection connection, String where, List<String> arguments, java.util.function.Consumer<Holder> to)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT u.id, u.username, u.email, u.enabled, a.kind, a.scope_value FROM app_user u"
                        + " LEFT JOIN account_scope a ON a.user_id = u.id" + where + " ORDER BY u.id")) {
            for (int i = 0; i < arguments.size(); i++) {
                query.setString(i + 1, arguments.get(i));
            }
            try (ResultSet row = query.executeQuery()) {
                boolean more = row.next();
                while (more) {
                    long id = row.getLong(1);
                    Holder holder = new Holder(row.getString(2), row.getString(3), row.getBoolean(4), new TreeMap<>());
                    do {
                        String kind = row.getString(5);
                        if (kind != null) {
                            holder.values()
                                    .computeIfAbsent(kind, k -> new TreeSet<>())
                                    .add(row.getString(6));
                        }
                        more = row.next();
                    } while (more && row.getLong(1) == id);
                    to.accept(holder);
                }
            }
        }
    }
}
