package dev.herald.rendering.control;

import java.io.IOException;

/**
 * Writes one report file as its rows arrive: {@link #begin}, {@link #row} for each row, then
 * {@link #finish}. Row values are {@code String}, {@code Long}, {@code BigDecimal} (or another
 * {@code Number}), {@code LocalDate}, {@code LocalDateTime} (on the organisation's clock),
 * {@code Boolean}, or null, in the order of the header's columns. The renderer owns no stream: the
 * caller closes what it gave.
 */
public interface Renderer {

    void begin(RenderHeader header) throws IOException;

    void row(Object[] values) throws IOException;

    /**
     * @param totals the totals row (null where a column has no total), or null for none
     * @param rowCount how many rows were written
     */
    void finish(Object[] totals, long rowCount) throws IOException;
}
