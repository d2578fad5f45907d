package dev.herald.runs.control;

import dev.herald.access.entity.UserAccount;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
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
 * Who gets which file of a report bound to scope kinds, when a run copies its items. An item made
 * per recipient becomes one run item per recipient, each carrying the recipient's own values of the
 * report's bound kinds; a recipient without one gets a run item that says so and nothing else. A
 * partner's on-demand run is made with the partner's values. An item made once for everyone is
 * refused (it fails, nobody is mailed) when one of its recipients is limited to values of a bound
 * kind: the shared file would show them everybody's rows.
 */
public final class RecipientScoping {

    /** The status of a run item made for nobody because its recipient has no value of a bound kind. */
    public static final String NO_SCOPE = "SKIPPED_NO_SCOPE";

    private RecipientScoping() {}

    /** One run item to insert: to whom, in what state, with which values. */
    record Copy(
            List<String> recipients,
            String status,
            String scopeValues,
            String madeFor,
            String error,
            String displayName) {

        static Copy plain(List<String> recipients) {
            return new Copy(recipients, "PENDING", null, null, null, null);
        }
    }

    /** An account as scoping needs it. */
    record Holder(String username, String email, boolean enabled, Map<String, Set<String>> values) {}

    /** The scope kinds a report's parameters (as kept in report_definition) are bound to. */
    public static Set<String> boundKinds(String parametersJson) {
        Set<String> kinds = new TreeSet<>();
        if (parametersJson == null || parametersJson.isBlank()) {
            return kinds;
        }
        try (JsonReader reader = Json.createReader(new StringReader(parametersJson))) {
            for (JsonValue parameter : reader.readArray()) {
                String scope = parameter.asJsonObject().getString("scope", null);
                if (scope != null) {
                    kinds.add(scope);
                }
            }
        }
        return kinds;
    }

    /** A run item's scope values as kept: {"kind": ["value", …]}, kinds and values sorted. */
    public static String json(Map<String, Set<String>> values) {
        JsonObjectBuilder object = Json.createObjectBuilder();
        new TreeMap<>(values).forEach((kind, set) -> {
            JsonArrayBuilder array = Json.createArrayBuilder();
            new TreeSet<>(set).forEach(array::add);
            object.add(kind, array);
        });
        return object.build().toString();
    }

    /** The values kept on a run item, by kind. */
    public static Map<String, List<String>> parse(String scopeValues) {
        Map<String, List<String>> values = new TreeMap<>();
        if (scopeValues == null || scopeValues.isBlank()) {
            return values;
        }
        try (JsonReader reader = Json.createReader(new StringReader(scopeValues))) {
            JsonObject object = reader.readObject();
            for (String kind : object.keySet()) {
                values.put(
                        kind,
                        object.getJsonArray(kind).getValuesAs(JsonString.class).stream()
                                .map(JsonString::getString)
                                .toList());
            }
        }
        return values;
    }

    static List<Copy> copies(Connection connection, RunItems.Plan plan, RunItems.Source source) throws SQLException {
        List<String> to =
                plan.isOnDemand() ? List.of() : plan.isTest() ? plan.recipientsOverride() : source.recipients();
        Set<String> kinds = source.boundKinds();
        if (kinds.isEmpty()) {
            return List.of(Copy.plain(to));
        }
        if (plan.isOnDemand()) {
            Holder requester = byUsername(connection, plan.requestedBy());
            String missing = requester == null ? kinds.iterator().next() : missing(requester, kinds);
            if (missing != null) {
                return List.of(new Copy(
                        List.of(),
                        NO_SCOPE,
                        null,
                        plan.requestedBy(),
                        plan.requestedBy() + " has no " + missing + " value: nothing was made",
                        null));
            }
            return List.of(
                    new Copy(List.of(), "PENDING", json(only(requester, kinds)), requester.username(), null, null));
        }
        if (!source.perRecipient()) {
            List<String> limited = new ArrayList<>();
            for (Holder holder : byEmail(connection, to).values()) {
                if (holder != null && kinds.stream().anyMatch(holder.values()::containsKey)) {
                    limited.add(holder.email());
                }
            }
            if (!limited.isEmpty()) {
                return List.of(new Copy(
                        to,
                        "FAILED",
                        null,
                        null,
                        "Made once for everyone, this report would show " + String.join(", ", limited)
                                + " rows beyond their own " + String.join(", ", kinds)
                                + " values; make the item per recipient. Nobody was sent it.",
                        null));
            }
            return List.of(Copy.plain(to));
        }
        List<Holder> recipients = new ArrayList<>();
        List<Copy> copies = new ArrayList<>();
        if (source.recipientScopeKind() != null) {
            recipients.addAll(holdersOf(connection, source.recipientScopeKind()));
        } else {
            for (Map.Entry<String, Holder> entry :
                    byEmail(connection, source.recipients()).entrySet()) {
                if (entry.getValue() == null) {
                    copies.add(new Copy(
                            List.of(entry.getKey()),
                            NO_SCOPE,
                            null,
                            null,
                            entry.getKey() + " has no Herald account, so no " + String.join(", ", kinds)
                                    + " value: nothing was made for them",
                            null));
                } else {
                    recipients.add(entry.getValue());
                }
            }
        }
        for (Holder holder : recipients) {
            String missing = missing(holder, kinds);
            if (!holder.enabled()) {
                copies.add(new Copy(
                        List.of(holder.email()),
                        NO_SCOPE,
                        null,
                        holder.username(),
                        holder.email() + "'s account is disabled: nothing was made for them",
                        null));
            } else if (missing != null) {
                copies.add(new Copy(
                        List.of(holder.email()),
                        NO_SCOPE,
                        null,
                        holder.username(),
                        holder.email() + " has no " + missing + " value: nothing was made for them",
                        null));
            } else {
                copies.add(new Copy(
                        List.of(holder.email()), "PENDING", json(only(holder, kinds)), holder.username(), null, null));
            }
        }
        if (plan.isTest()) {
            // A test send makes one recipient's file, as that recipient would get it, for the testers.
            return copies.stream()
                    .filter(copy -> "PENDING".equals(copy.status()))
                    .findFirst()
                    .map(copy -> new Copy(
                            to,
                            "PENDING",
                            copy.scopeValues(),
                            copy.madeFor(),
                            null,
                            source.columns()[1] + " (as " + copy.recipients().get(0) + " gets it)"))
                    .map(List::of)
                    .orElseGet(() -> List.of(new Copy(
                            to, NO_SCOPE, null, null, "No recipient of this item has the values it needs", null)));
        }
        if (copies.isEmpty()) {
            return List.of(new Copy(
                    List.of(),
                    NO_SCOPE,
                    null,
                    null,
                    "Nobody holds a " + source.recipientScopeKind() + " value: nothing was made",
                    null));
        }
        return copies;
    }

    private static String missing(Holder holder, Set<String> kinds) {
        return kinds.stream()
                .filter(kind -> holder.values().getOrDefault(kind, Set.of()).isEmpty())
                .findFirst()
                .orElse(null);
    }

    private static Map<String, Set<String>> only(Holder holder, Set<String> kinds) {
        Map<String, Set<String>> values = new TreeMap<>();
        kinds.forEach(kind -> values.put(kind, holder.values().get(kind)));
        return values;
    }

    /** The accounts with these addresses, by address as given (null for an address without one), in order. */
    static Map<String, Holder> byEmail(Connection connection, List<String> emails) throws SQLException {
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

    static Holder byUsername(Connection connection, String username) throws SQLException {
        if (username == null) {
            return null;
        }
        List<Holder> found = new ArrayList<>();
        read(connection, " WHERE u.username = ?", List.of(username), found::add);
        return found.isEmpty() ? null : found.get(0);
    }

    /** Every enabled account with an address holding a value of the kind, by address. */
    static List<Holder> holdersOf(Connection connection, String kind) throws SQLException {
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
