package dev.herald.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Paging asked for by callers: defaults, the accepted range, and a clear refusal outside it. */
class PageTest {

    @Test
    void nothingAskedMeansTheFirstPageOfTwenty() {
        assertThat(Page.page(null)).isZero();
        assertThat(Page.size(null)).isEqualTo(20);
    }

    @Test
    void theEdgesOfTheRangeAreAccepted() {
        assertThat(Page.page(0)).isZero();
        assertThat(Page.page(Page.MAX_PAGE)).isEqualTo(1_000_000);
        assertThat(Page.size(1)).isEqualTo(1);
        assertThat(Page.size(200)).isEqualTo(200);
        assertThat(Page.offset(Page.MAX_PAGE, Page.MAX_SIZE)).isEqualTo(200_000_000);
    }

    @Test
    void aNegativeOrHugePageIsRefusedOnItsField() {
        for (int page : new int[] {-1, Page.MAX_PAGE + 1, Integer.MAX_VALUE, Integer.MIN_VALUE}) {
            assertThatThrownBy(() -> Page.page(page))
                    .isInstanceOfSatisfying(
                            ValidationException.class,
                            e -> assertThat(e.errors()).singleElement().satisfies(error -> {
                                assertThat(error.field()).isEqualTo("page");
                                assertThat(error.message()).contains("0 to 1000000");
                            }));
        }
    }

    @Test
    void aSizeOutsideOneToTwoHundredIsRefusedOnItsField() {
        for (int size : new int[] {0, -5, 201, Integer.MAX_VALUE}) {
            assertThatThrownBy(() -> Page.size(size))
                    .isInstanceOfSatisfying(
                            ValidationException.class,
                            e -> assertThat(e.errors()).singleElement().satisfies(error -> {
                                assertThat(error.field()).isEqualTo("size");
                                assertThat(error.message()).contains("1 to 200");
                            }));
        }
    }
}
