package dev.herald.reports.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.reports.boundary.ParameterView;
import jakarta.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A parameter bound to a scope kind has no field and is never written into the criteria. */
class CriteriaValuesBoundTest {

    private static final ParameterView PROMOTER =
            new ParameterView("promoter", "Promoter", "MULTI_CHOICE", false, null, null, "promoter");
    private static final ParameterView EVENT = new ParameterView("event", "Event", "TEXT", false, null, null, null);

    @Test
    void aBoundParameterIsLeftOutOfTheCriteriaEvenWhenASetHeldIt() {
        CriteriaValues criteria = new CriteriaValues();
        criteria.fill(
                List.of(PROMOTER, EVENT),
                Json.createObjectBuilder()
                        .add("promoter", Json.createArrayBuilder().add("7"))
                        .add("event", "Gala")
                        .build());

        assertThat(criteria.toJson().toString()).isEqualTo("{\"event\":\"Gala\"}");
        assertThat(criteria.summary()).isEqualTo("Event: Gala");
        assertThat(criteria.getMultiValues()).doesNotContainKey("promoter");
        assertThat(criteria.getBoundKinds()).containsExactly("promoter");
    }

    @Test
    void aReportWithoutABoundParameterHasNoBoundKinds() {
        CriteriaValues criteria = new CriteriaValues();
        criteria.fill(List.of(EVENT), null);
        assertThat(criteria.getBoundKinds()).isEmpty();
    }
}
