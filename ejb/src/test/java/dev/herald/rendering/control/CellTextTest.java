package dev.herald.rendering.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The formula guard: what a spreadsheet would run is caught, what it would show as it is is left alone. */
class CellTextTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "=1+1",
                "@SUM(A1)",
                "+cmd|' /C calc'!A0",
                "-1+2",
                "\t=1+1",
                "\ttab first",
                "\rcarriage return first",
                "\nline feed first",
                "\n=1+1",
                " =1+1",
                "   @SUM(A1)",
                "\u00A0=1+1", // no-break space
                "\u3000=1+1", // ideographic space
                "\u200B=1+1", // zero-width space
                "\uFEFF=1+1", // byte order mark
                "\u000B=1+1", // vertical tab
                "\u0000=1+1", // NUL
                "＝1+1", // full-width equals
                "＋1+1",
                "－1+1",
                "＠SUM(A1)",
                "﹦1+1", // small equals
                " ＝HYPERLINK(\"http://evil\")",
                "- 5",
                "+",
                "-"
            })
    void textASpreadsheetWouldRunIsGuarded(String text) {
        assertThat(CellText.looksLikeFormula(text))
                .as("%s", text.codePoints().mapToObj(Integer::toHexString).toList())
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "plain",
                "a=b",
                "x@example.org",
                "-12.5",
                "+44",
                "-5",
                " -5",
                "－5", // a full-width minus before a number is a number
                "   ",
                "\u00A0",
                "Zoë = Ångström",
                "1+1",
                "'=1+1"
            })
    void textASpreadsheetShowsAsItIsIsLeftAlone(String text) {
        assertThat(CellText.looksLikeFormula(text)).isFalse();
    }
}
