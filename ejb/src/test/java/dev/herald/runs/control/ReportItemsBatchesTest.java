package dev.herald.runs.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.rendering.entity.CsvDelimiter;
import dev.herald.rendering.entity.FileFormat;
import dev.herald.schedules.entity.DeliverAs;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which run items are made together in one split pass, and which alone. */
class ReportItemsBatchesTest {

    private static long ids = 0;

    private static RunItems.Item item(Long scheduledReportId, String scopeValues, FileFormat format) {
        long id = ++ids;
        return new RunItems.Item(
                id,
                1,
                "Sales",
                "sales-by-promoter",
                "Sales by promoter",
                format,
                CsvDelimiter.COMMA,
                DeliverAs.ATTACHMENT,
                false,
                "Sales",
                "{}",
                List.of("r" + id + "@example.com"),
                "PENDING",
                null,
                null,
                null,
                0,
                0,
                scheduledReportId,
                scopeValues,
                scopeValues == null ? null : "user" + id);
    }

    private static List<RunItems.Item> recipients(long scheduledReportId, int count) {
        List<RunItems.Item> items = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            items.add(item(scheduledReportId, "{\"promoter\":[\"" + i + "\"]}", FileFormat.CSV));
        }
        return items;
    }

    private static List<Integer> sizes(List<List<RunItems.Item>> batches) {
        return batches.stream().map(List::size).toList();
    }

    @Test
    void oneItemsRecipientsAreMadeTogetherFromTheThresholdOn() {
        assertThat(sizes(ReportItems.batches(recipients(7, 9), 10, 1000))).containsExactly(1, 1, 1, 1, 1, 1, 1, 1, 1);
        assertThat(sizes(ReportItems.batches(recipients(7, 10), 10, 1000))).containsExactly(10);
        assertThat(sizes(ReportItems.batches(recipients(7, 25), 10, 10))).containsExactly(10, 10, 5);
    }

    @Test
    void otherItemsStayAloneAndInTheirPlace() {
        List<RunItems.Item> pending = new ArrayList<>();
        RunItems.Item shared = item(5L, null, FileFormat.CSV);
        pending.add(shared);
        pending.addAll(recipients(7, 3));
        RunItems.Item twoValues = item(7L, "{\"promoter\":[\"1\",\"2\"]}", FileFormat.CSV);
        pending.add(twoValues);
        RunItems.Item twoKinds = item(7L, "{\"company\":[\"4\"],\"promoter\":[\"3\"]}", FileFormat.CSV);
        pending.add(twoKinds);
        RunItems.Item otherFormat = item(7L, "{\"promoter\":[\"9\"]}", FileFormat.PDF);
        pending.add(otherFormat);
        RunItems.Item onDemand = item(null, "{\"promoter\":[\"9\"]}", FileFormat.CSV);
        pending.add(onDemand);

        List<List<RunItems.Item>> batches = ReportItems.batches(pending, 3, 1000);

        assertThat(batches)
                .containsExactly(
                        List.of(shared),
                        pending.subList(1, 4),
                        List.of(twoValues),
                        List.of(twoKinds),
                        List.of(otherFormat),
                        List.of(onDemand));
    }
}
