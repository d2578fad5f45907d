package dev.herald.usage.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class UsageCsvTest {

    @Test
    void quotesWhatHoldsTheDelimiterAQuoteOrALineBreakAndDefusesFormulas() {
        String csv = new UsageCsv('|', List.of("Name", "Note", "Rows"))
                .row(List.of("A|B", "say \"hi\"", "12"))
                .row(List.of("=HYPERLINK(\"x\")", "-42", "@SUM(A1)"))
                .row(List.of("two\nlines", "", "-0.5"))
                .toString();

        assertThat(csv)
                .isEqualTo("Name|Note|Rows\r\n"
                        + "\"A|B\"|\"say \"\"hi\"\"\"|12\r\n"
                        + "\"'=HYPERLINK(\"\"x\"\")\"|-42|'@SUM(A1)\r\n"
                        + "\"two\nlines\"||-0.5\r\n");
    }
}
