package dev.herald.runs.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.platform.boundary.ValidationException;
import org.junit.jupiter.api.Test;

class RunQueryTest {

    @Test
    void withoutASortTheNewestComeFirst() {
        assertThat(new RunQuery(null, null, null, null, false).orderBy()).isEqualTo("r.createdAt DESC, r.id DESC");
    }

    @Test
    void aColumnSortsFirstThenTheNewestAndRunsNotFinishedGoLast() {
        assertThat(new RunQuery(null, null, null, RunQuery.Sort.FINISHED, false).orderBy())
                .isEqualTo("r.finishedAt ASC NULLS LAST, r.createdAt DESC, r.id DESC");
        assertThat(new RunQuery(null, null, null, RunQuery.Sort.SCHEDULE, true).orderBy())
                .isEqualTo("LOWER(r.scheduleName) DESC, r.createdAt DESC, r.id DESC");
        assertThat(new RunQuery(null, null, null, RunQuery.Sort.CREATED, false).orderBy())
                .isEqualTo("r.createdAt ASC, r.id ASC");
    }

    @Test
    void aNameToLookForHasABound() {
        assertThat(new RunQuery(null, null, "x".repeat(RunQuery.MAX_NAME), null, false).scheduleName())
                .hasSize(RunQuery.MAX_NAME);
        assertThatThrownBy(() -> new RunQuery(null, null, "x".repeat(RunQuery.MAX_NAME + 1), null, false))
                .isInstanceOf(ValidationException.class);
    }
}
