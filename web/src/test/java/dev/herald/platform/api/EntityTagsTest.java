package dev.herald.platform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.platform.boundary.ExpectedVersion;
import dev.herald.platform.boundary.StaleVersionException;
import dev.herald.platform.boundary.ValidationException;
import dev.herald.platform.boundary.VersionRequiredException;
import org.junit.jupiter.api.Test;

class EntityTagsTest {

    @Test
    void aVersionIsAStrongQuotedTag() {
        assertThat(EntityTags.of(7)).isEqualTo("\"7\"");
    }

    @Test
    void noHeaderIsMissingAndMissingIsRefusedAsRequired() {
        assertThat(EntityTags.ifMatch(null).isMissing()).isTrue();
        assertThat(EntityTags.ifMatch("  ").isMissing()).isTrue();
        assertThatThrownBy(() -> EntityTags.ifMatch(null).check("schedule", 1, 3))
                .isInstanceOf(VersionRequiredException.class)
                .hasMessageContaining("If-Match");
    }

    @Test
    void starMatchesAnyVersion() {
        ExpectedVersion any = EntityTags.ifMatch("*");
        any.check("schedule", 1, 3);
        any.check("schedule", 1, 9_000);
        assertThat(any.isMissing()).isFalse();
    }

    @Test
    void theCurrentTagMatchesAndAStaleOneIsRefusedWithTheCurrentVersion() {
        EntityTags.ifMatch("\"3\"").check("schedule", 1, 3);
        assertThatThrownBy(() -> EntityTags.ifMatch("\"2\"").check("schedule", 1, 3))
                .isInstanceOfSatisfying(StaleVersionException.class, e -> assertThat(e.currentVersion())
                        .isEqualTo(3));
    }

    @Test
    void aListMatchesWhenAnyOfItsTagsDoes() {
        EntityTags.ifMatch("\"1\", \"3\",\"5\"").check("schedule", 1, 3);
        EntityTags.ifMatch(" \"9\" ,\t\"3\" ").check("schedule", 1, 3);
    }

    @Test
    void weakAndForeignTagsAreWellFormedButMatchNothing() {
        assertThatThrownBy(() -> EntityTags.ifMatch("W/\"3\"").check("schedule", 1, 3))
                .isInstanceOf(StaleVersionException.class);
        assertThatThrownBy(() -> EntityTags.ifMatch("\"abc\"").check("schedule", 1, 3))
                .isInstanceOf(StaleVersionException.class);
        assertThatThrownBy(() -> EntityTags.ifMatch("\"99999999999999999999\"").check("schedule", 1, 3))
                .isInstanceOf(StaleVersionException.class);
    }

    @Test
    void malformedHeadersAreA400OnIfMatch() {
        for (String bad : new String[] {"3", "\"3", "\"3\" \"4\"", "W/3", ",", "**", "\"a b\"", "x".repeat(1025)}) {
            assertThatThrownBy(() -> EntityTags.ifMatch(bad))
                    .as(bad.length() > 40 ? "a long header" : bad)
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                            .singleElement()
                            .satisfies(error -> assertThat(error.field()).isEqualTo("If-Match")));
        }
    }
}
