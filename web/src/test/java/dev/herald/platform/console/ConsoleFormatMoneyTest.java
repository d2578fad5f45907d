package dev.herald.platform.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ConsoleFormatMoneyTest {

    @Test
    void anAmountIsWrittenWithItsCurrencysSymbolAndDecimals() {
        assertThat(ConsoleFormat.money(new BigDecimal("1234.5"), "GBP")).isEqualTo("£1,234.50");
        assertThat(ConsoleFormat.money(new BigDecimal("-12"), "EUR")).isEqualTo("-€12.00");
        assertThat(ConsoleFormat.money(new BigDecimal("1234567.891"), "USD")).isEqualTo("US$1,234,567.89");
        assertThat(ConsoleFormat.money(new BigDecimal("1500"), "JPY"))
                .as("a currency without minor units")
                .isEqualTo("JP¥1,500");
        assertThat(ConsoleFormat.money(new BigDecimal("0.005"), "GBP")).isEqualTo("£0.01");
    }

    @Test
    void anUnknownCurrencyLeavesTheAmountWithTwoDecimals() {
        assertThat(ConsoleFormat.money(new BigDecimal("1234.5"), null)).isEqualTo("1,234.50");
        assertThat(ConsoleFormat.money(new BigDecimal("1234.5"), "XXQ")).isEqualTo("1,234.50");
    }
}
