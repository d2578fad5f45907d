package dev.herald.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SortOrderTest {

    private static final Map<String, Integer> FIELDS = Map.of("name", 1, "nextRunAt", 2);

    @Test
    void aFieldSortsAscendingAndWithAMinusDescending() {
        assertThat(SortOrder.parse("name", FIELDS)).hasValue(new SortOrder<>(1, false));
        assertThat(SortOrder.parse("-nextRunAt", FIELDS)).hasValue(new SortOrder<>(2, true));
        assertThat(SortOrder.parse(" -name ", FIELDS)).hasValue(new SortOrder<>(1, true));
    }

    @Test
    void nothingAskedForIsTheListsOwnOrder() {
        assertThat(SortOrder.parse(null, FIELDS)).isEmpty();
        assertThat(SortOrder.parse("  ", FIELDS)).isEmpty();
    }

    @Test
    void anythingElseIsRefusedOnSortNamingWhatTheListTakes() {
        for (String bad : new String[] {"Name", "--name", "-", "name,nextRunAt", "x".repeat(10_000), "+name"}) {
            assertThatThrownBy(() -> SortOrder.parse(bad, FIELDS))
                    .isInstanceOfSatisfying(ValidationException.class, e -> {
                        assertThat(e.errors()).singleElement().satisfies(error -> {
                            assertThat(error.field()).isEqualTo("sort");
                            assertThat(error.message()).contains("name, nextRunAt");
                        });
                    });
        }
    }
}
