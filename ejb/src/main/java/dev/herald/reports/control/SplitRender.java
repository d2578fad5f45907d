package dev.herald.reports.control;

import dev.herald.rendering.control.ColumnSpec;
import dev.herald.rendering.control.RenderHeader;
import dev.herald.rendering.control.Renderer;
import dev.herald.rendering.control.Renderers;
import dev.herald.rendering.control.WatchedRenderer;
import dev.herald.rendering.entity.CsvDelimiter;
import dev.herald.rendering.entity.FileFormat;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One report rendered for many values of its bound parameter in one pass: the query is resolved
 * with all the values at once, its rows are read once, and each row goes to the file of the value
 * in its trailing column (see {@link QueryRunner#runKeyed}). Each file is what a render of the
 * report for that value alone makes: the file's own header, its rows, its totals.
 *
 * <p>The query orders its rows by the bound value first, so only the files of one value are open
 * at a time (one, unless several recipients hold the same value: each gets a file). When a
 * value comes back after another (the rows were not grouped), or a row holds a value that was not
 * asked for, the pass stops with {@link NotSplittable}: then none of the files it wrote may be
 * used (one that was closed may lack rows) and the caller renders each value on its own.
 */
public final class SplitRender {

    /**
     * One file of the pass: the bound value whose rows it holds (as the database writes the
     * trailing column as text, a number as its digits), the file's header (its criteria as stated
     * for that value alone), and where it is written.
     */
    public record File(String value, RenderHeader header, Output output) {}

    /** Opens the stream of one file when its turn comes; the pass closes it once the file is written. */
    @FunctionalInterface
    public interface Output {
        OutputStream open() throws IOException;
    }

    /** What the pass made for one value: its rows, and whether its file was written. */
    public record Made(String value, long rows, boolean written) {}

    /** The pass cannot give each value its own right file; render the values one by one instead. */
    public static final class NotSplittable extends IOException {

        /** Why. */
        public enum Reason {
            /** The query selects no bound value after the report's columns. */
            NO_KEY,
            /** The rows of a value came back after another value's: not ordered by the bound value. */
            OUT_OF_ORDER,
            /** A row holds a value that was not asked for (or none). */
            UNKNOWN_VALUE
        }

        private final Reason reason;

        public NotSplittable(Reason reason, String message) {
            super(message);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }

    private final FileFormat format;
    private final CsvDelimiter delimiter;
    private final boolean byteOrderMark;
    private final List<File> files;
    private final boolean emptyFiles;

    /**
     * @param files one per recipient: a value may have several (each is written with the same rows)
     * @param emptyFiles whether a value without rows gets a file (with the header and no rows); if
     *     not, it is only reported, as made with no file
     */
    public SplitRender(
            FileFormat format, CsvDelimiter delimiter, boolean byteOrderMark, List<File> files, boolean emptyFiles) {
        this.format = format;
        this.delimiter = delimiter;
        this.byteOrderMark = byteOrderMark;
        this.files = List.copyOf(files);
        this.emptyFiles = emptyFiles;
    }

    /** The values in the order of the files. */
    public List<String> values() {
        return files.stream().map(File::value).toList();
    }

    /**
     * Runs the pass on the connection (read-only, outside autocommit) with criteria resolved for all
     * the values at once. The watcher, if any, is told the rows written in the whole pass as
     * {@link WatchedRenderer} tells it of one file, and the statement before it runs; it may stop
     * the pass by throwing. Answers what was made for each value, in the order of the files.
     */
    public List<Made> run(
            QueryRunner runner,
            Connection connection,
            ReportSpec report,
            ResolvedCriteria union,
            RenderHeader header,
            ZoneId zone,
            WatchedRenderer.Watcher watcher)
            throws IOException, SQLException {
        Pass pass = new Pass(report.columns());
        Renderer renderer = watcher == null ? pass : new WatchedRenderer(pass, watcher);
        Consumer<Statement> executing = watcher == null ? statement -> {} : watcher::executing;
        try {
            runner.runKeyed(connection, report, union, header, renderer, zone, executing);
        } catch (IOException | SQLException | RuntimeException e) {
            pass.abandon(e);
            throw e;
        }
        return pass.made();
    }

    /** Routes keyed rows to the files of one value after another. */
    private final class Pass implements Renderer {

        /** A file being written. */
        private record Open(int file, OutputStream out, Renderer renderer) {}

        private final List<ColumnSpec> columns;
        /** The files of each value (two recipients may hold the same value), in the order given. */
        private final Map<String, List<Integer>> byValue = new LinkedHashMap<>();

        private final Set<String> done = new HashSet<>();
        private final long[] rows;
        private final boolean[] written;
        private final Object[] shown;
        private final List<Open> open = new ArrayList<>();
        private String value;
        private QueryRunner.Totals totals;
        private long count;

        Pass(List<ColumnSpec> columns) {
            this.columns = columns;
            for (int i = 0; i < files.size(); i++) {
                byValue.computeIfAbsent(files.get(i).value(), v -> new ArrayList<>())
                        .add(i);
            }
            rows = new long[files.size()];
            written = new boolean[files.size()];
            shown = new Object[columns.size()];
        }

        @Override
        public void begin(RenderHeader header) {
            // each file has its own header
        }

        @Override
        public void row(Object[] values) throws IOException {
            Object key = values[shown.length];
            if (value == null || !value.equals(key)) {
                next(key);
            }
            System.arraycopy(values, 0, shown, 0, shown.length);
            totals.add(shown);
            for (Open file : open) {
                file.renderer().row(shown);
            }
            count++;
        }

        @Override
        public void finish(Object[] unused, long rowCount) throws IOException {
            close();
            if (emptyFiles) {
                for (String empty : byValue.keySet()) {
                    if (!done.contains(empty)) {
                        open(empty);
                        close();
                    }
                }
            }
        }

        private void next(Object key) throws IOException {
            if (key == null || !byValue.containsKey(key)) {
                throw new NotSplittable(
                        NotSplittable.Reason.UNKNOWN_VALUE,
                        "A row holds " + (key == null ? "no bound value" : "the value " + key)
                                + ", which was not asked for");
            }
            if (done.contains(key)) {
                throw new NotSplittable(
                        NotSplittable.Reason.OUT_OF_ORDER,
                        "The rows of " + key + " came again after those of " + value
                                + ": the query is not ordered by its bound value first");
            }
            close();
            open((String) key);
        }

        /** Opens the files of a value: one at a time, unless recipients share the value. */
        private void open(String next) throws IOException {
            value = next;
            done.add(next);
            count = 0;
            totals = new QueryRunner.Totals(columns);
            for (int file : byValue.get(next)) {
                written[file] = true;
                OutputStream out = files.get(file).output().open();
                Renderer renderer = Renderers.of(format, delimiter, byteOrderMark, out);
                open.add(new Open(file, out, renderer));
                renderer.begin(files.get(file).header());
            }
        }

        /** Finishes and closes the files of the value being written, if any. */
        private void close() throws IOException {
            if (value == null) {
                return;
            }
            Object[] total = totals.row();
            while (!open.isEmpty()) {
                Open file = open.get(0);
                file.renderer().finish(total == null ? null : total.clone(), count);
                rows[file.file()] = count;
                open.remove(0);
                file.out().close();
            }
            value = null;
        }

        /** Closes the files left open by a pass that stopped. */
        void abandon(Exception why) {
            for (Open file : open) {
                try {
                    file.out().close();
                } catch (IOException e) {
                    why.addSuppressed(e);
                }
            }
            open.clear();
        }

        List<Made> made() {
            List<Made> made = new ArrayList<>(files.size());
            for (int i = 0; i < files.size(); i++) {
                made.add(new Made(files.get(i).value(), rows[i], written[i]));
            }
            return made;
        }
    }
}
