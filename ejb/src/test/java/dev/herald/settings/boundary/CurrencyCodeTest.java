package dev.herald.settings.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.platform.boundary.ValidationException;
import org.junit.jupiter.api.Test;

class CurrencyCodeTest {

    @Test
    void aCodeIsTakenInAnyCaseWithSpacesAround() {
        ValidationException.Builder problems = ValidationException.builder();
        assertThat(SettingsService.currencyCode(" eur ", problems)).isEqualTo("EUR");
        assertThat(SettingsService.currencyCode("GBP", problems)).isEqualTo("GBP");
        problems.throwIfAny();
    }

    @Test
    void anythingElseIsAProblemOnTheField() {
        for (String wrong : new String[] {"", "XYZ", "EURO", "€", "e u", "x".repeat(5000)}) {
            ValidationException.Builder problems = ValidationException.builder();
            assertThat(SettingsService.currencyCode(wrong, problems)).isNull();
            assertThatThrownBy(problems::throwIfAny).isInstanceOfSatisfying(ValidationException.class, e -> {
                assertThat(e.errors()).hasSize(1);
                assertThat(e.errors().get(0).field()).isEqualTo("currency");
                assertThat(e.errors().get(0).message()).hasSizeLessThan(200);
            });
        }
    }
}
