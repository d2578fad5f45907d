package dev.herald.reports.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.demo.control.DemoDataGenerator;
import dev.herald.rendering.control.RenderHeader;
import dev.herald.rendering.control.Renderer;
import dev.herald.testing.TestDatabase;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every built-in report runs on the demo data, on H2 and on PostgreSQL, and finds rows. The reports
 * bound to the recipient's promoter give, made for nobody in particular, every row once; made for one
 * promoter, exactly that promoter's rows (as an independent query over the generated data finds them);
 * made for several, each row keyed by its promoter in a last column and ordered by it, so that cutting
 * the rows at each change of key gives each promoter's own report.
 */
class BuiltInReportsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Map<TestDatabase, Long> GENERATED = new EnumMap<>(TestDatabase.class);

    /** Keeps every row, for checking. */
    static final class Collector implements Renderer {
        final List<Object[]> rows = new ArrayList<>();
        Object[] totals;

        @Override
        public void begin(RenderHeader header) {}

        @Override
        public void row(Object[] values) {
            rows.add(values.clone());
        }

        @Override
        public void finish(Object[] totals, long rowCount) {
            this.totals = totals;
        }
    }

    /** The demo data, written once by Herald's own account; read, as on the server, by the reporting account. */
    private static synchronized Connection demo(TestDatabase database) throws SQLException {
        if (!GENERATED.containsKey(database)) {
            try (Connection admin = database.dataSource().getConnection()) {
                admin.setAutoCommit(false);
                try (PreparedStatement clear =
                                admin.prepareStatement("SELECT COUNT(*) FROM reporting.ticketing_event");
                        ResultSet count = clear.executeQuery()) {
                    count.next();
                    if (count.getLong(1) == 0) {
                        GENERATED.put(database, new DemoDataGenerator(admin, 1, TODAY, LONDON).generate());
                    } else {
                        GENERATED.put(database, -1L);
                    }
                }
                admin.commit();
            }
        }
        Connection connection = TestReportingAccount.of(database).getConnection();
        connection.setAutoCommit(false);
        connection.setReadOnly(true);
        return connection;
    }

    private static Collector run(Connection connection, ReportSpec report, JsonObject criteria) throws Exception {
        return run(connection, report, resolve(connection, report, criteria));
    }

    private static ResolvedCriteria resolve(Connection connection, ReportSpec report, JsonObject criteria) {
        CriteriaResolver resolver =
                new CriteriaResolver(report, parameter -> choices(connection, parameter), "criteria");
        return resolver.resolve(criteria, TODAY, LONDON);
    }

    private static Collector run(Connection connection, ReportSpec report, ResolvedCriteria resolved) throws Exception {
        Collector collector = new Collector();
        RenderHeader header = new RenderHeader(
                report.name(),
                report.key(),
                report.name(),
                "Test",
                ZonedDateTime.now(LONDON),
                resolved.criteria(),
                report.columns());
        new QueryRunner(500, 60).run(connection, report, resolved, header, collector, LONDON, 0);
        return collector;
    }

    private static List<String> choices(Connection connection, ParameterSpec parameter) {
        if (parameter.lookupSql() == null) {
            return parameter.options();
        }
        try (PreparedStatement query = connection.prepareStatement(parameter.lookupSql());
                ResultSet rows = query.executeQuery()) {
            List<String> options = new ArrayList<>();
            while (rows.next()) {
                options.add(rows.getString(1));
            }
            return options;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void everyReportFindsRowsWithItsDefaultCriteria(TestDatabase database) throws Exception {
        try (Connection connection = demo(database)) {
            assertThat(GENERATED.get(database)).isGreaterThan(40_000L);
            for (ReportSpec report : BuiltInReports.ALL) {
                JsonObject criteria = report.key().equals("customer-list-by-event-attribute")
                        ? Json.createObjectBuilder()
                                .add("eventAttribute", "Festival")
                                .build()
                        : JsonObject.EMPTY_JSON_OBJECT;
                Collector result = run(connection, report, criteria);
                assertThat(result.rows).as(report.key() + " on " + database).isNotEmpty();
                assertThat(result.rows.get(0)).hasSize(report.columns().size());
            }
            connection.rollback();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void lastWeekMeansMondayToSundayOnTheOrganisationsClock(TestDatabase database) throws Exception {
        ReportSpec payments = BuiltInReports.ALL.get(0);
        try (Connection connection = demo(database)) {
            Collector result = run(
                    connection,
                    payments,
                    Json.createObjectBuilder().add("paymentDate", "LAST_WEEK").build());
            assertThat(result.rows).isNotEmpty();
            for (Object[] row : result.rows) {
                LocalDateTime paidAt = (LocalDateTime) row[0];
                assertThat(paidAt).isAfterOrEqualTo(LocalDateTime.of(2026, 11, 16, 0, 0));
                assertThat(paidAt).isBefore(LocalDateTime.of(2026, 11, 23, 0, 0));
            }
            BigDecimal sum =
                    result.rows.stream().map(row -> (BigDecimal) row[8]).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(result.totals[8]).isEqualTo(sum);

            Collector cash = run(
                    connection,
                    payments,
                    Json.createObjectBuilder()
                            .add("paymentDate", "LAST_WEEK")
                            .add("method", Json.createArrayBuilder().add("CASH"))
                            .build());
            assertThat(cash.rows).isNotEmpty().allSatisfy(row -> assertThat(row[6])
                    .isEqualTo("CASH"));
            assertThat(cash.rows.size()).isLessThan(result.rows.size());
            connection.rollback();
        }
    }

    // --- reports bound to the recipient's promoter

    /**
     * A bound report with criteria that find rows, and an independent query over the generated data that
     * answers, for every row the report should give, its identity (the columns {@code identity} of the
     * report's row, compared as text) followed by its promoter.
     */
    private record Bound(String key, JsonObject criteria, int[] identity, String expected) {}

    private static JsonObject days(String parameter, String from, String to) {
        return Json.createObjectBuilder()
                .add(parameter, Json.createObjectBuilder().add("from", from).add("to", to))
                .build();
    }

    private static final List<Bound> BOUND = List.of(
            new Bound("promoter-payments", days("paymentDate", "2026-10-01", "2026-11-24"), new int[] {1}, """
                    SELECT DISTINCT p.id, e.promoter_id
                    FROM ticketing_payment p
                    JOIN ticketing_ticket t ON t.order_id = p.order_id
                    JOIN ticketing_performance pf ON pf.id = t.performance_id
                    JOIN ticketing_event e ON e.id = pf.event_id
                    WHERE p.paid_at >= :paymentDate_from AND p.paid_at < :paymentDate_to"""),
            new Bound("sales-by-event", days("period", "2026-09-01", "2026-11-24"), new int[] {0, 3}, """
                    SELECT DISTINCT e.name, pf.starts_at, e.promoter_id
                    FROM ticketing_ticket t
                    JOIN ticketing_order o ON o.id = t.order_id
                    JOIN ticketing_performance pf ON pf.id = t.performance_id
                    JOIN ticketing_event e ON e.id = pf.event_id
                    WHERE t.status = 'SOLD' AND o.created_at >= :period_from AND o.created_at < :period_to"""),
            new Bound("upcoming-performances", days("period", "2026-11-01", "2027-01-31"), new int[] {1, 0}, """
                    SELECT e.name, pf.starts_at, e.promoter_id
                    FROM ticketing_performance pf
                    JOIN ticketing_event e ON e.id = pf.event_id
                    WHERE pf.starts_at >= :period_from AND pf.starts_at < :period_to"""),
            new Bound(
                    "customer-list-by-event-attribute",
                    Json.createObjectBuilder().add("eventAttribute", "Festival").build(),
                    new int[] {0},
                    """
                    SELECT DISTINCT c.id, e.promoter_id
                    FROM ticketing_customer c
                    JOIN ticketing_order o ON o.customer_id = c.id
                    JOIN ticketing_ticket t ON t.order_id = o.id
                    JOIN ticketing_performance pf ON pf.id = t.performance_id
                    JOIN ticketing_event e ON e.id = pf.event_id
                    JOIN ticketing_event_attribute a ON a.event_id = e.id
                    WHERE t.status = 'SOLD' AND a.attribute = :eventAttribute"""),
            new Bound("promoter-settlement", days("period", "2026-06-01", "2026-11-24"), new int[] {0, 2}, """
                    SELECT e.name, pf.starts_at, e.promoter_id
                    FROM ticketing_performance pf
                    JOIN ticketing_event e ON e.id = pf.event_id
                    WHERE pf.starts_at >= :period_from AND pf.starts_at < :period_to"""));

    private static ReportSpec report(String key) {
        return BuiltInReports.ALL.stream()
                .filter(r -> r.key().equals(key))
                .findFirst()
                .orElseThrow();
    }

    /** The criteria with the bound parameter as the recipient's binding sets it: made for these promoters. */
    private static ResolvedCriteria madeFor(ResolvedCriteria resolved, List<Long> promoters) {
        Map<String, Binding> bindings = new HashMap<>(resolved.bindings());
        bindings.put("promoter_set", Binding.bool(promoters != null));
        bindings.put("promoter", Binding.of(promoters == null ? List.of() : List.copyOf(promoters), Types.BIGINT));
        return new ResolvedCriteria(Map.copyOf(bindings), resolved.criteria(), resolved.effective());
    }

    /** Every column of every row as text, the split key (last) among them: what the query itself answers. */
    private static List<List<String>> raw(Connection connection, String sql, Map<String, Binding> bindings)
            throws SQLException {
        NamedSql.Statement statement = NamedSql.parse(sql).bind(bindings);
        List<List<String>> rows = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(statement.sql())) {
            statement.bind(query);
            try (ResultSet result = query.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= columns; i++) {
                        row.add(result.getString(i));
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    private static List<String> identity(List<String> row, int[] columns) {
        List<String> identity = new ArrayList<>();
        for (int column : columns) {
            identity.add(row.get(column));
        }
        return identity;
    }

    private static Long key(List<String> row) {
        String key = row.get(row.size() - 1);
        return key == null ? null : Long.valueOf(key);
    }

    private static List<Long> promoterIds(Connection connection) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT id FROM ticketing_promoter ORDER BY id");
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
        }
        return ids;
    }

    /** Keys never go down; a row without a key (NULL) comes after every keyed row. */
    private static void assertOrderedByKey(List<List<String>> rows, String what) {
        for (int i = 1; i < rows.size(); i++) {
            Long before = key(rows.get(i - 1));
            Long after = key(rows.get(i));
            assertThat(before == null ? after == null : after == null || before <= after)
                    .as(what + ": row " + i + " keyed " + after + " after " + before)
                    .isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theReportsBoundToThePromoterAreTheOnesThePromoterReceives(TestDatabase database) {
        assertThat(BuiltInReports.ALL.stream()
                        .filter(QueryRunner::hasBoundParameter)
                        .map(ReportSpec::key))
                .containsExactlyInAnyOrderElementsOf(
                        BOUND.stream().map(Bound::key).toList());
        for (Bound bound : BOUND) {
            ReportSpec report = report(bound.key());
            assertThat(report.parameters())
                    .filteredOn(ParameterSpec::isBound)
                    .singleElement()
                    .satisfies(p -> {
                        assertThat(p.name()).isEqualTo("promoter");
                        assertThat(p.scope()).isEqualTo("promoter");
                    });
            assertThat(report.parameter("event")).isPresent();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void boundReportsGiveEveryRowOnceOrExactlyThePromotersRowsKeyedAndOrdered(TestDatabase database) throws Exception {
        try (Connection connection = demo(database)) {
            List<Long> promoters = promoterIds(connection);
            assertThat(promoters).hasSizeGreaterThanOrEqualTo(20);
            for (Bound bound : BOUND) {
                ReportSpec report = report(bound.key());
                String what = bound.key() + " on " + database;
                ResolvedCriteria resolved = resolve(connection, report, bound.criteria());
                boolean perCustomer = bound.key().equals("customer-list-by-event-attribute");

                Map<Long, Set<List<String>>> expected = new HashMap<>();
                Map<List<String>, Long> promoterOf = new HashMap<>();
                for (List<String> row : raw(connection, bound.expected(), resolved.bindings())) {
                    List<String> identity = row.subList(0, row.size() - 1);
                    expected.computeIfAbsent(key(row), k -> new HashSet<>()).add(identity);
                    if (!perCustomer) {
                        assertThat(promoterOf.put(identity, key(row)))
                                .as(what + ": one promoter for " + identity)
                                .isNull();
                    }
                }
                assertThat(expected.keySet())
                        .as(what + ": several promoters have rows")
                        .hasSizeGreaterThanOrEqualTo(3);
                Set<List<String>> everything = new HashSet<>();
                expected.values().forEach(everything::addAll);

                // Made for nobody in particular: each row once, as before, keyed by its promoter (a customer,
                // who may have bought from several, is not keyed); in the order staff know (by time, by
                // event), except the settlement, which is by promoter always.
                ResolvedCriteria unscoped = madeFor(resolved, null);
                List<List<String>> all = raw(connection, report.sql(), unscoped.bindings());
                assertThat(all).as(what).isNotEmpty();
                assertThat(all.get(0))
                        .as(what + ": columns and the key")
                        .hasSize(report.columns().size() + 1);
                List<List<String>> identities =
                        all.stream().map(row -> identity(row, bound.identity())).toList();
                assertThat(identities).as(what + ": each row once").doesNotHaveDuplicates();
                assertThat(new HashSet<>(identities)).as(what).isEqualTo(everything);
                for (List<String> row : all) {
                    assertThat(key(row))
                            .as(what + ": the key of " + row)
                            .isEqualTo(perCustomer ? null : promoterOf.get(identity(row, bound.identity())));
                }
                if (report.key().equals("promoter-settlement")) {
                    assertOrderedByKey(all, what);
                }
                Collector rendered = run(connection, report, unscoped);
                assertThat(rendered.rows).as(what + ": rendered").hasSize(all.size());
                assertThat(rendered.rows).allSatisfy(row -> assertThat(row)
                        .hasSize(report.columns().size()));

                // Made for one promoter: exactly theirs, each once, keyed by them.
                Map<Long, List<List<String>>> single = new HashMap<>();
                for (Long promoter : promoters) {
                    List<List<String>> rows = raw(
                            connection,
                            report.sql(),
                            madeFor(resolved, List.of(promoter)).bindings());
                    List<List<String>> theirs = rows.stream()
                            .map(row -> identity(row, bound.identity()))
                            .toList();
                    assertThat(theirs).as(what + " for promoter " + promoter).doesNotHaveDuplicates();
                    assertThat(new HashSet<>(theirs))
                            .as(what + " for promoter " + promoter)
                            .isEqualTo(expected.getOrDefault(promoter, Set.of()));
                    assertThat(rows).allSatisfy(row -> assertThat(key(row)).isEqualTo(promoter));
                    single.put(promoter, rows);
                }

                // Made for several: one pass, ordered by the key; cut at each change of key, each part is that
                // promoter's own report, row for row.
                List<Long> several = expected.keySet().stream()
                        .filter(k -> k != null)
                        .sorted(Comparator.reverseOrder())
                        .limit(4)
                        .toList();
                List<Long> asked = new ArrayList<>(several);
                asked.add(promoters.stream()
                        .filter(p -> !expected.containsKey(p))
                        .findFirst()
                        .orElse(several.get(0)));
                List<List<String>> many =
                        raw(connection, report.sql(), madeFor(resolved, asked).bindings());
                assertOrderedByKey(many, what + " for " + asked);
                Map<Long, List<List<String>>> cut = new LinkedHashMap<>();
                for (List<String> row : many) {
                    cut.computeIfAbsent(key(row), k -> new ArrayList<>()).add(row);
                }
                for (Long promoter : asked) {
                    assertThat(cut.getOrDefault(promoter, List.of()))
                            .as(what + ": the part of promoter " + promoter)
                            .isEqualTo(single.get(promoter));
                }
                assertThat(cut.keySet()).as(what).isSubsetOf(asked);
            }
            connection.rollback();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theEventFilterKeepsTheChosenEventsOnly(TestDatabase database) throws Exception {
        try (Connection connection = demo(database)) {
            ParameterSpec event = report("sales-by-event").parameter("event").orElseThrow();
            List<String> events = choices(connection, event);
            assertThat(events).hasSize(24).contains("Hamlet", "Les Misérables");
            // Reports showing the event's name: every row is of a chosen event, and some are.
            Map<String, Integer> nameColumn =
                    Map.of("sales-by-event", 0, "upcoming-performances", 1, "promoter-settlement", 0);
            for (Bound bound : BOUND) {
                ReportSpec report = report(bound.key());
                Collector all = run(connection, report, bound.criteria());
                Integer column = nameColumn.get(bound.key());
                String chosen = column == null ? "Hamlet" : (String) all.rows.get(all.rows.size() / 2)[column];
                JsonObject criteria = Json.createObjectBuilder(bound.criteria())
                        .add("event", Json.createArrayBuilder().add(chosen))
                        .build();
                Collector filtered = run(connection, report, criteria);
                assertThat(filtered.rows).as(bound.key() + " for " + chosen).isNotEmpty();
                assertThat(filtered.rows.size()).as(bound.key()).isLessThan(all.rows.size());
                if (column != null) {
                    assertThat(filtered.rows)
                            .allSatisfy(row -> assertThat(row[column]).isEqualTo(chosen));
                }
            }
            // Payments: those of the orders for the event.
            ReportSpec payments = report("promoter-payments");
            Bound bound = BOUND.get(0);
            ResolvedCriteria resolved = resolve(
                    connection,
                    payments,
                    Json.createObjectBuilder(bound.criteria())
                            .add(
                                    "event",
                                    Json.createArrayBuilder().add("Hamlet").add("Carmen"))
                            .build());
            List<List<String>> found = raw(connection, payments.sql(), resolved.bindings());
            List<List<String>> expected = raw(connection, """
                    SELECT DISTINCT p.id FROM ticketing_payment p
                    JOIN ticketing_ticket t ON t.order_id = p.order_id
                    JOIN ticketing_performance pf ON pf.id = t.performance_id
                    JOIN ticketing_event e ON e.id = pf.event_id
                    WHERE p.paid_at >= :paymentDate_from AND p.paid_at < :paymentDate_to
                      AND e.name IN ('Hamlet', 'Carmen')""", resolved.bindings());
            assertThat(found.stream().map(row -> row.get(1)).toList())
                    .isNotEmpty()
                    .containsExactlyInAnyOrderElementsOf(
                            expected.stream().map(row -> row.get(0)).toList());
            connection.rollback();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theSettlementIsGrossLessRefundsLessTheFeesOfThePromotersTerms(TestDatabase database) throws Exception {
        try (Connection connection = demo(database)) {
            ReportSpec settlement = report("promoter-settlement");
            Bound bound = BOUND.get(BOUND.size() - 1);
            ResolvedCriteria resolved = resolve(connection, settlement, bound.criteria());
            List<List<String>> rows =
                    raw(connection, settlement.sql(), madeFor(resolved, null).bindings());
            // Per performance, counted from its tickets here, with the terms of its promoter.
            Map<List<String>, List<String>> independent = new HashMap<>();
            for (List<String> row : raw(connection, """
                    SELECT e.name, pf.starts_at,
                           (SELECT COUNT(*) FROM ticketing_ticket t WHERE t.performance_id = pf.id AND t.status = 'SOLD'),
                           (SELECT COALESCE(SUM(t.price), 0) FROM ticketing_ticket t WHERE t.performance_id = pf.id),
                           (SELECT COALESCE(SUM(t.price), 0) FROM ticketing_ticket t
                            WHERE t.performance_id = pf.id AND t.status = 'RETURNED'),
                           pr.booking_fee, pr.commission_percent, pr.name
                    FROM ticketing_performance pf
                    JOIN ticketing_event e ON e.id = pf.event_id
                    JOIN ticketing_promoter pr ON pr.id = e.promoter_id
                    WHERE pf.starts_at >= :period_from AND pf.starts_at < :period_to""", resolved.bindings())) {
                independent.put(row.subList(0, 2), row.subList(2, row.size()));
            }
            assertThat(rows).hasSameSizeAs(independent.keySet());
            BigDecimal totalFees = BigDecimal.ZERO;
            boolean someRefunds = false;
            for (List<String> row : rows) {
                List<String> terms = independent.get(List.of(row.get(0), row.get(2)));
                long sold = Long.parseLong(terms.get(0));
                BigDecimal gross = new BigDecimal(terms.get(1));
                BigDecimal refunds = new BigDecimal(terms.get(2));
                BigDecimal fees = new BigDecimal(terms.get(3))
                        .multiply(BigDecimal.valueOf(sold))
                        .add(gross.subtract(refunds)
                                .multiply(new BigDecimal(terms.get(4)))
                                .movePointLeft(2))
                        .setScale(2, RoundingMode.HALF_UP);
                assertThat(row.get(3)).isEqualTo(terms.get(5));
                assertThat(Long.parseLong(row.get(4))).as("sold %s", row).isEqualTo(sold);
                assertThat(new BigDecimal(row.get(5))).as("gross %s", row).isEqualByComparingTo(gross);
                assertThat(new BigDecimal(row.get(6))).as("refunds %s", row).isEqualByComparingTo(refunds);
                assertThat(new BigDecimal(row.get(7))).as("fees %s", row).isEqualByComparingTo(fees);
                assertThat(new BigDecimal(row.get(8)))
                        .as("net %s", row)
                        .isEqualByComparingTo(gross.subtract(refunds).subtract(fees));
                totalFees = totalFees.add(fees);
                someRefunds |= refunds.signum() > 0;
            }
            assertThat(totalFees.signum()).isPositive();
            assertThat(someRefunds).isTrue();

            Collector rendered = run(connection, settlement, madeFor(resolved, null));
            BigDecimal net =
                    rendered.rows.stream().map(row -> (BigDecimal) row[8]).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat((BigDecimal) rendered.totals[8]).isEqualByComparingTo(net);
            assertThat(((BigDecimal) rendered.totals[5])
                            .subtract((BigDecimal) rendered.totals[6])
                            .subtract((BigDecimal) rendered.totals[7]))
                    .isEqualByComparingTo(net);
            connection.rollback();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theReportingAccountReadsThePromotersAsThePromoterScopeLooksThemUp(TestDatabase database) throws Exception {
        try (Connection connection = demo(database);
                Connection admin = database.dataSource().getConnection()) {
            String lookup;
            try (PreparedStatement query =
                            admin.prepareStatement("SELECT lookup_sql FROM scope_kind WHERE kind = 'promoter'");
                    ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                lookup = row.getString(1);
            }
            List<List<String>> promoters = raw(connection, lookup, Map.of());
            assertThat(promoters).hasSize(DemoDataGenerator.promoterCount(1));
            assertThat(promoters.stream().map(row -> row.get(1)).toList())
                    .contains("Northern Lights Productions", "In-house", "Éclat Dance Company")
                    .isSorted();
            assertThat(raw(connection, "SELECT email FROM ticketing_promoter WHERE email IS NOT NULL", Map.of()))
                    .hasSize(promoters.size())
                    .allSatisfy(row -> assertThat(row.get(0)).matches("[a-z.]+@[a-z0-9-]+\\.example"));
            // Every event has a promoter whose name it also still carries (for SQL written before V18).
            assertThat(raw(
                            connection,
                            "SELECT e.id FROM ticketing_event e JOIN ticketing_promoter p ON p.id = e.promoter_id"
                                    + " WHERE p.name <> e.promoter",
                            Map.of()))
                    .isEmpty();
            assertThat(ReportingPrivileges.problems(connection, admin)).isEmpty();
            connection.rollback();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void everyPromoterOwnsAnEventAndEveryOrderIsForOnePromoter(TestDatabase database) throws Exception {
        try (Connection connection = demo(database)) {
            assertThat(raw(
                            connection,
                            "SELECT p.id FROM ticketing_promoter p WHERE NOT EXISTS"
                                    + " (SELECT 1 FROM ticketing_event e WHERE e.promoter_id = p.id)",
                            Map.of()))
                    .isEmpty();
            assertThat(raw(connection, """
                            SELECT t.order_id FROM ticketing_ticket t
                            JOIN ticketing_performance pf ON pf.id = t.performance_id
                            JOIN ticketing_event e ON e.id = pf.event_id
                            GROUP BY t.order_id HAVING COUNT(DISTINCT e.promoter_id) > 1""", Map.of())).isEmpty();
            connection.rollback();
        }
    }
}
