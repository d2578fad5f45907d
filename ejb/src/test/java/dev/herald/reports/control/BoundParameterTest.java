package dev.herald.reports.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.platform.boundary.ValidationException;
import dev.herald.rendering.control.ColumnSpec;
import dev.herald.rendering.control.ColumnType;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.sql.Types;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A parameter bound to a scope kind is filled from the recipient and from nothing else. */
class BoundParameterTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 5);

    private static final ReportSpec REPORT = new ReportSpec(
            "bound",
            "Bound",
            null,
            "Test",
            false,
            "SELECT 1, 2 WHERE (NOT :promoter_set OR 2 IN (:promoter))",
            List.of(
                    ParameterSpec.bound("promoter", "Promoter", "promoter"),
                    new ParameterSpec("min", "Minimum", ParameterType.NUMBER, false, null, null, null)),
            List.of(new ColumnSpec("one", "One", ColumnType.INTEGER)));

    private final CriteriaResolver resolver = new CriteriaResolver(REPORT, ParameterSpec::options, "criteria");

    private static RecipientScopes promoters(List<String> values, List<String> names) {
        return new RecipientScopes(
                Map.of("promoter", new RecipientScopes.Scope("promoter", "Promoter", true, values, names)));
    }

    @Test
    void criteriaCannotSetABoundParameterEvenToTheRecipientsOwnValue() {
        JsonObject criteria = Json.createObjectBuilder()
                .add("promoter", Json.createArrayBuilder().add("7"))
                .build();
        assertThatThrownBy(() -> resolver.resolve(criteria, TODAY, LONDON, promoters(List.of("7"), List.of("Seven"))))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).errors())
                        .extracting(ValidationException.FieldError::field)
                        .containsExactly("criteria.promoter"));
        assertThatThrownBy(() -> resolver.check(criteria)).isInstanceOf(ValidationException.class);
    }

    @Test
    void madeForNobodyInParticularTheBoundParameterCoversEveryValue() {
        ResolvedCriteria resolved = resolver.resolve(Json.createObjectBuilder().build(), TODAY, LONDON, null);
        assertThat(resolved.bindings().get("promoter_set").value()).isEqualTo(false);
        assertThat(resolved.criteria().get(0).value()).isEqualTo("Every promoter");
    }

    @Test
    void aRecipientsValuesAreBoundAsWholeNumbersAndStatedByName() {
        ResolvedCriteria resolved = resolver.resolve(
                Json.createObjectBuilder().build(),
                TODAY,
                LONDON,
                promoters(List.of("7", "12"), List.of("Northern Lights", "Bluebell Live")));
        assertThat(resolved.bindings().get("promoter_set").value()).isEqualTo(true);
        assertThat(resolved.bindings().get("promoter").value()).isEqualTo(List.of(7L, 12L));
        assertThat(resolved.bindings().get("promoter").sqlType()).isEqualTo(Types.BIGINT);
        assertThat(resolved.criteria().get(0).value()).isEqualTo("Northern Lights, Bluebell Live");
    }

    @Test
    void aRecipientWithoutAValueIsRefusedNeverGivenEverything() {
        assertThatThrownBy(() -> resolver.resolve(
                        Json.createObjectBuilder().build(), TODAY, LONDON, new RecipientScopes(Map.of())))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("no promoter value");
        assertThatThrownBy(() -> resolver.resolve(
                        Json.createObjectBuilder().build(), TODAY, LONDON, promoters(List.of(), List.of())))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void aValueThatIsNotAWholeNumberForANumericKindIsRefused() {
        assertThatThrownBy(() -> resolver.resolve(
                        Json.createObjectBuilder().build(),
                        TODAY,
                        LONDON,
                        promoters(List.of("7 OR 1=1"), List.of("x"))))
                .isInstanceOf(ValidationException.class);
    }
}
