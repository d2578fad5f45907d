package dev.herald.rendering.control;

import java.io.IOException;
import java.sql.Statement;

/**
 * A renderer that tells a watcher how far it got, at most every {@value #EVERY_MILLIS} ms (and only
 * every {@value #EVERY_ROWS} rows, so that the clock is read rarely). The watcher may stop the work
 * by throwing: that is how a run that was cancelled stops in the middle of a long file.
 */
public final class WatchedRenderer implements Renderer {

    static final int EVERY_ROWS = 256;
    static final long EVERY_MILLIS = 500;

    /** Told the rows written so far; throws to stop. */
    @FunctionalInterface
    public interface Watcher {
        void rows(long written) throws IOException;

        /**
         * Told the statement before the database starts on it, so that a long query can be cancelled
         * before its first row arrives; told null once it is over.
         */
        default void executing(Statement statement) {}

        /** At most how often, in milliseconds, to be told the rows written ({@value #EVERY_MILLIS} by default). */
        default long everyMillis() {
            return EVERY_MILLIS;
        }
    }

    public Watcher watcher() {
        return watcher;
    }

    private final Renderer renderer;
    private final Watcher watcher;
    private long rows;
    private long lastTold = System.nanoTime();

    public WatchedRenderer(Renderer renderer, Watcher watcher) {
        this.renderer = renderer;
        this.watcher = watcher;
    }

    @Override
    public void begin(RenderHeader header) throws IOException {
        renderer.begin(header);
    }

    @Override
    public void row(Object[] values) throws IOException {
        renderer.row(values);
        rows++;
        if (rows % EVERY_ROWS == 0 && System.nanoTime() - lastTold >= watcher.everyMillis() * 1_000_000) {
            lastTold = System.nanoTime();
            watcher.rows(rows);
        }
    }

    @Override
    public void finish(Object[] totals, long rowCount) throws IOException {
        renderer.finish(totals, rowCount);
        watcher.rows(rowCount);
    }
}
