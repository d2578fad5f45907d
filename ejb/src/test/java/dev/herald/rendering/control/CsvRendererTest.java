package dev.herald.rendering.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** CSV read back by Commons CSV: the values come out as they went in, bar the formula guard. */
class CsvRendererTest {

    private static List<CSVRecord> parse(byte[] bytes, char delimiter) throws IOException {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return CSVFormat.RFC4180
                .builder()
                .setDelimiter(delimiter)
                .get()
                .parse(new StringReader(text))
                .getRecords();
    }

    @Test
    void valuesSurviveQuotesDelimitersNewLinesAndNonAscii() throws IOException {
        byte[] csv = SampleReport.render(out -> new CsvRenderer(out, ',', false), 0);
        List<CSVRecord> records = parse(csv, ',');

        assertThat(records).hasSize(1 + SampleReport.ROWS.size());
        assertThat(records.get(0).toList())
                .containsExactly("Id", "Customer", "Note", "Amount", "Tickets", "Day", "Paid at", "Opt in");
        assertThat(records.get(1).toList())
                .containsExactly(
                        "1", "Zoë Ångström", "plain", "12.50", "2", "2026-11-16", "2026-11-16 09:05:07", "true");
        assertThat(records.get(2).get(1)).isEqualTo("Дмитрий Σοφία Łukasz");
        assertThat(records.get(2).get(2)).isEqualTo("comma, \"quoted\" and\nnew line");
        assertThat(records.get(2).get(3)).isEqualTo("-3.25");
        assertThat(records.get(4).get(5)).isEmpty();
        assertThat(records.get(6).get(1)).isEqualTo("<tag> & \u0001 control");
        assertThat(new String(csv, StandardCharsets.UTF_8)).contains("\r\n").doesNotStartWith("\uFEFF");
    }

    @Test
    void textThatLooksLikeAFormulaIsDefusedButNumbersStayNumbers() throws IOException {
        List<CSVRecord> records = parse(SampleReport.render(out -> new CsvRenderer(out, ',', false), 0), ',');

        assertThat(records.get(3).get(1)).isEqualTo("'=HYPERLINK(\"http://evil\")");
        assertThat(records.get(3).get(2)).isEqualTo("'+cmd|' /C calc'!A0");
        assertThat(records.get(4).get(1)).isEqualTo("'@SUM(A1)");
        assertThat(records.get(4).get(2))
                .as("a negative number written as text")
                .isEqualTo("-5");
        assertThat(records.get(5).get(2)).isEqualTo("'-1+2");
        assertThat(records.get(6).get(2)).isEqualTo("'\ttab first");
        assertThat(records.get(2).get(3)).as("a typed negative amount").isEqualTo("-3.25");
    }

    @Test
    void formulasBehindBlanksLineBreaksAndFullWidthSignsAreDefusedToo() throws IOException {
        List<String> hostile = List.of(" =1+1", "\n=1+1", "\u00A0@SUM(A1)", "＝1+1", "＋1+1", "－1+1", "＠SUM(A1)");
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        CsvRenderer csv = new CsvRenderer(out, ',', false);
        csv.begin(SampleReport.header());
        for (String text : hostile) {
            csv.row(new Object[] {1L, text, null, new java.math.BigDecimal("-3.25"), -2L, null, null, null});
        }
        csv.finish(null, hostile.size());

        List<CSVRecord> records = parse(out.toByteArray(), ',');
        for (int i = 0; i < hostile.size(); i++) {
            assertThat(records.get(i + 1).get(1)).isEqualTo("'" + hostile.get(i));
            assertThat(records.get(i + 1).get(3)).as("a typed number").isEqualTo("-3.25");
            assertThat(records.get(i + 1).get(4)).isEqualTo("-2");
        }
    }

    @Test
    void pipeDelimiterAndByteOrderMark() throws IOException {
        byte[] csv = SampleReport.render(out -> new CsvRenderer(out, '|', true), 0);

        assertThat(new String(csv, StandardCharsets.UTF_8)).startsWith("\uFEFFId|Customer|");
        List<CSVRecord> records = parse(csv, '|');
        assertThat(records.get(5).get(1)).isEqualTo("a|pipe");
        assertThat(records.get(2).get(2)).isEqualTo("comma, \"quoted\" and\nnew line");
    }
}
