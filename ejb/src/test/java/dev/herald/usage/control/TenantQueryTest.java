package dev.herald.usage.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TenantQueryTest {

    @Test
    void onlyWhatIsSetBecomesAConditionAndLikeWildcardsAreEscaped() {
        TenantQuery query = TenantQuery.of(null, " 50%_off ", List.of("ACTIVE", "TRIAL"), List.of(), null);

        assertThat(query.where())
                .isEqualTo(" WHERE 1 = 1 AND LOWER(tn.name) LIKE ? ESCAPE '\\' AND tn.status IN (?, ?)");
        assertThat(TenantQuery.of(7L, null, null, null, null).where()).isEqualTo(" WHERE 1 = 1 AND tn.id = ?");
    }
}
