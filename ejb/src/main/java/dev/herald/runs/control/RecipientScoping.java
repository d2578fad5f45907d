package dev.herald.runs.control;

import dev.herald.scopes.control.ScopeHolders;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
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
            ScopeHolders.Holder requester = ScopeHolders.byUsername(connection, plan.requestedBy());
            String missing = requester == null ? kinds.iterator().next() : ScopeHolders.missing(requester, kinds);
            if (missing != null) {
                return List.of(new Copy(
                        List.of(),
                        NO_SCOPE,
                        null,
                        plan.requestedBy(),
                        plan.requestedBy() + " has no " + missing + " value: nothing was made",
                        null));
            }
            return List.of(new Copy(
                    List.of(), "PENDING", json(ScopeHolders.only(requester, kinds)), requester.username(), null, null));
        }
        if (!source.perRecipient()) {
            List<String> limited = new ArrayList<>();
            for (ScopeHolders.Holder holder :
                    ScopeHolders.byEmail(connection, to).values()) {
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
        List<Copy> copies = new ArrayList<>();
        for (ScopeHolders.Recipient recipient :
                ScopeHolders.recipients(connection, source.recipientScopeKind(), source.recipients(), kinds)) {
            copies.add(
                    recipient.problem() == null
                            ? new Copy(
                                    List.of(recipient.email()),
                                    "PENDING",
                                    json(recipient.values()),
                                    recipient.username(),
                                    null,
                                    null)
                            : new Copy(
                                    List.of(recipient.email()),
                                    NO_SCOPE,
                                    null,
                                    recipient.username(),
                                    recipient.problem(),
                                    null));
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
}
