package dev.herald.rendering.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A small report with every column type and the values that break careless writers. */
final class SampleReport {

    static final List<ColumnSpec> COLUMNS = List.of(
            new ColumnSpec("id", "Id", ColumnType.INTEGER),
            new ColumnSpec("customer", "Customer", ColumnType.TEXT),
            new ColumnSpec("note", "Note", ColumnType.TEXT),
            new ColumnSpec("amount", "Amount", ColumnType.MONEY).totalled(),
            new ColumnSpec("tickets", "Tickets", ColumnType.INTEGER).totalled(),
            new ColumnSpec("day", "Day", ColumnType.DATE),
            new ColumnSpec("paidAt", "Paid at", ColumnType.DATETIME),
            new ColumnSpec("optIn", "Opt in", ColumnType.BOOLEAN));

    static final List<Object[]> ROWS = List.of(
            new Object[] {
                1L,
                "Zoë Ångström",
                "plain",
                new BigDecimal("12.50"),
                2L,
                LocalDate.of(2026, 11, 16),
                LocalDateTime.of(2026, 11, 16, 9, 5, 7),
                true
            },
            new Object[] {
                2L,
                "Дмитрий Σοφία Łukasz",
                "comma, \"quoted\" and\nnew line",
                new BigDecimal("-3.25"),
                1L,
                LocalDate.of(2026, 2, 28),
                LocalDateTime.of(2026, 3, 29, 1, 30),
                false
            },
            new Object[] {
                3L,
                "=HYPERLINK(\"http://evil\")",
                "+cmd|' /C calc'!A0",
                new BigDecimal("1000000.00"),
                0L,
                LocalDate.of(2024, 2, 29),
                LocalDateTime.of(2026, 12, 31, 23, 59, 59),
                null
            },
            new Object[] {4L, "@SUM(A1)", "-5", new BigDecimal("0.10"), 3L, null, null, true},
            new Object[] {
                5L, "a|pipe", "-1+2", null, null, LocalDate.of(2026, 1, 1), LocalDateTime.of(2026, 1, 1, 0, 0), false
            },
            new Object[] {
                6L,
                "<tag> & \u0001 control",
                "\ttab first",
                new BigDecimal("7"),
                5L,
                LocalDate.of(2026, 6, 1),
                LocalDateTime.of(2026, 6, 1, 12, 0),
                true
            });

    static final Object[] TOTALS = {null, null, null, new BigDecimal("1000016.35"), 11L, null, null, null};

    static RenderHeader header() {
        return new RenderHeader(
                "Yesterday's Sales",
                "payments-activities-detailed",
                "Payments & Activities (detailed)",
                "Herald Demo Theatre",
                ZonedDateTime.of(2026, 11, 23, 6, 12, 0, 0, ZoneId.of("Europe/London")),
                List.of(new Criterion(
                        "paymentDate",
                        "Payment date",
                        "Last week: 16 Nov 2026 – 22 Nov 2026",
                        LocalDate.of(2026, 11, 16),
                        LocalDate.of(2026, 11, 22))),
                COLUMNS);
    }

    /** Renders the sample (and {@code extra} more generated rows) and answers the bytes. */
    static byte[] render(Function<ByteArrayOutputStream, Renderer> renderer, int extra) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Renderer r = renderer.apply(out);
        r.begin(header());
        List<Object[]> rows = new ArrayList<>(ROWS);
        for (Object[] row : rows) {
            r.row(row.clone());
        }
        for (int i = 0; i < extra; i++) {
            r.row(new Object[] {
                100L + i,
                "Customer " + i,
                "row " + i,
                new BigDecimal("1.00"),
                1L,
                LocalDate.of(2026, 1, 1).plusDays(i % 300),
                LocalDateTime.of(2026, 1, 1, 0, 0).plusMinutes(i),
                i % 2 == 0
            });
        }
        Object[] totals = TOTALS.clone();
        if (extra > 0) {
            totals[3] = ((BigDecimal) totals[3]).add(BigDecimal.valueOf(extra));
            totals[4] = (Long) totals[4] + extra;
        }
        r.finish(totals, rows.size() + extra);
        return out.toByteArray();
    }

    private SampleReport() {}
}
