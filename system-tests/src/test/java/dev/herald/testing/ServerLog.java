package dev.herald.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the test server wrote to its log since a moment: the records of {@code server.log} and of
 * the files Payara rotated it into (at 2 MB; a whole test run writes more), by the time each
 * record states, so that an offset taken before a rotation cannot hide what was said after it.
 */
public final class ServerLog {

    private static final Pattern RECORD_START = Pattern.compile("(?m)^\\[(\\d{4}-\\d{2}-\\d{2}T[^\\]]+)\\]");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    private ServerLog() {}

    /** The directory of the server's logs, under the Herald home the tests run. */
    public static Path directory() {
        return Path.of(System.getProperty("herald.home", "target/herald"))
                .toAbsolutePath()
                .resolve("domains/herald/logs");
    }

    /** Every record stamped at or after {@code since}, oldest file first, as one text. */
    public static String since(Instant since) {
        StringBuilder said = new StringBuilder();
        for (Path file : files(since)) {
            String text;
            try {
                text = Files.readString(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Matcher start = RECORD_START.matcher(text);
            List<int[]> records = new ArrayList<>();
            List<Instant> stamps = new ArrayList<>();
            while (start.find()) {
                records.add(new int[] {start.start(), text.length()});
                stamps.add(stamp(start.group(1)));
                if (records.size() > 1) {
                    records.get(records.size() - 2)[1] = start.start();
                }
            }
            for (int i = 0; i < records.size(); i++) {
                Instant stamp = stamps.get(i);
                if (stamp != null && !stamp.isBefore(since)) {
                    said.append(text, records.get(i)[0], records.get(i)[1]);
                }
            }
        }
        return said.toString();
    }

    private static List<Path> files(Instant since) {
        Path directory = directory();
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> listed = Files.list(directory)) {
            return listed.filter(p -> p.getFileName().toString().startsWith("server.log"))
                    .filter(p -> modified(p).compareTo(since.minusSeconds(1)) >= 0)
                    .sorted(Comparator.comparing(ServerLog::modified))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Instant modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Instant stamp(String text) {
        try {
            return OffsetDateTime.parse(text, STAMP).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
