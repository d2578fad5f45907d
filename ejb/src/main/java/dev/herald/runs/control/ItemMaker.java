package dev.herald.runs.control;

import dev.herald.mail.control.Attachment;
import dev.herald.mail.control.MailComposer;
import dev.herald.mail.control.MailDispatcher;
import dev.herald.rendering.control.Criterion;
import dev.herald.rendering.control.WatchedRenderer;
import dev.herald.schedules.entity.Schedule;
import dev.herald.settings.boundary.OrganisationView;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Makes the items of one kind of schedule (its {@code schedule.kind}): copies them into a run, writes
 * each item's file, and writes the e-mail that brings it to one recipient. The run engine asks the
 * maker of the run's kind and never what kind it is: the report engine makes the items of report
 * schedules, the summary maker those of the summary schedule, and a new kind brings its own maker.
 */
public interface ItemMaker {

    /** The kind of the report schedules (and of runs without a schedule). */
    String REPORTS = Schedule.REPORTS;

    /** The {@code schedule.kind}s whose items this maker makes. */
    Set<String> kinds();

    /** Copies the schedule's items into the run, once, in the caller's transaction (which holds the run's fence). */
    int copyItems(Connection connection, RunItems.Plan plan) throws SQLException;

    /**
     * True when the plan alone shows that {@link #copyItems} would copy nothing (a schedule whose
     * items were all removed): the engine then ends the run without a worker of its own. False when
     * the maker cannot tell without looking further.
     */
    default boolean makesNothing(RunItems.Plan plan) {
        return false;
    }

    /**
     * Writes one item's file to {@code out}. A failure that is the item's (bad criteria, a query that
     * fails) is an answer ({@link Made#failed}); {@link Stopped} means the run stopped being this
     * attempt's meanwhile and nothing is to be stored.
     */
    Made make(Making making, OutputStream out) throws IOException, SQLException;

    /**
     * The pending items in batches, in the order they are made: a batch of one is made by
     * {@link #make}, a larger one by {@link #makeTogether} in one pass. By default each item alone.
     */
    default List<List<RunItems.Item>> batches(List<RunItems.Item> pending) {
        return pending.stream().map(List::of).toList();
    }

    /**
     * Makes a batch of items in one pass, each item's file written to the stream that {@code
     * outputs} opens for it (the maker closes each). Answers what each item made, in the batch's
     * order; or empty when the batch cannot be made in one pass: the engine then throws away what
     * was written and makes each item alone. {@link Stopped} as for {@link #make}.
     */
    default Optional<List<Made>> makeTogether(Batch batch) throws IOException, SQLException {
        return Optional.empty();
    }

    /** Opens the stream of one item's file. */
    @FunctionalInterface
    interface Outputs {
        OutputStream open(RunItems.Item item) throws IOException;
    }

    /** Items to make in one pass: the watcher and {@code stopped} as in {@link Making}, for the whole pass. */
    record Batch(
            RunItems.Plan plan,
            List<RunItems.Item> items,
            ZoneId zone,
            WatchedRenderer.Watcher watcher,
            BooleanSupplier stopped,
            Outputs outputs) {}

    /** The e-mail of one delivery of a made item. */
    MimeMessage mail(Mailing mailing) throws MessagingException;

    /** Criteria as a run records them: [{"label": …, "value": …}, …]. */
    static String stated(List<Criterion> criteria) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (Criterion criterion : criteria) {
            array.add(Json.createObjectBuilder().add("label", criterion.label()).add("value", criterion.value()));
        }
        return array.build().toString();
    }

    /**
     * One item to make, in its run: the watcher records progress as rows are written and stops the
     * query when the run is no longer this attempt's ({@code stopped} says so).
     */
    record Making(
            RunItems.Plan plan,
            RunItems.Item item,
            ZoneId zone,
            WatchedRenderer.Watcher watcher,
            BooleanSupplier stopped) {}

    /**
     * What making an item gave: the criteria as stated (JSON, for the run's record and the e-mail),
     * the rows written, what to store beside the file in the same transaction; or why it failed.
     */
    record Made(String criteriaStated, long rows, AlsoStore alsoStore, String failure) {

        public static Made file(String criteriaStated, long rows, AlsoStore alsoStore) {
            return new Made(criteriaStated, rows, alsoStore, null);
        }

        public static Made failed(String criteriaStated, String why) {
            return new Made(criteriaStated, 0, null, why);
        }

        public boolean isFailed() {
            return failure != null;
        }
    }

    /** Something stored with an item's file, in the same transaction. */
    interface AlsoStore {
        void in(Connection connection, long itemId) throws SQLException;
    }

    /** The run stopped being this attempt's (cancelled, taken over) while a file was being written. */
    final class Stopped extends IOException {
        public Stopped() {
            super("The run is no longer this attempt's");
        }
    }

    /**
     * One e-mail to write: the run, the item as made, the organisation, the letter (recipient,
     * Message-ID, link or attachment) and its leave (a link's new token and expiry), and the file to
     * attach, read once per item.
     */
    record Mailing(
            MailComposer composer,
            RunItems.Plan plan,
            RunItems.Item item,
            OrganisationView organisation,
            ZoneId zone,
            MailDispatcher.Outgoing letter,
            MailDispatcher.Leave leave,
            Supplier<Attachment> attachment) {}
}
