package dev.herald.runs.control;

import dev.herald.mail.control.Attachment;
import dev.herald.mail.control.DeliverySettings;
import dev.herald.mail.control.MailComposer;
import dev.herald.mail.control.MailDispatcher;
import dev.herald.mail.control.MailHealth;
import dev.herald.mail.control.NoticeSender;
import dev.herald.mail.control.Notices;
import dev.herald.mail.control.OwnerNotice;
import dev.herald.mail.control.SmtpSessions;
import dev.herald.platform.control.Jdbc;
import dev.herald.platform.control.PublicLinks;
import dev.herald.rendering.control.WatchedRenderer;
import dev.herald.schedules.entity.DeliverAs;
import dev.herald.settings.boundary.OrganisationChanged;
import dev.herald.settings.boundary.OrganisationView;
import dev.herald.settings.boundary.SettingsService;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Carries out one attempt at a run: copies the schedule's items into the run, renders each report
 * once and stores its file, makes one delivery per recipient, sends them over a few SMTP
 * connections kept open for all of them, with retries, and ends the run with an honest status, telling the owner when something failed.
 *
 * <p>Every step is a short transaction that first checks, under the run's row lock, that this
 * attempt still owns the run ({@link RunFence}). An attempt that was taken over or cancelled stops
 * at its next step and changes nothing. A new owner starts from what the database says: items
 * already rendered keep their file, e-mails already accepted are not sent again, and an e-mail
 * whose fate the dead owner did not record is reported as in doubt (see {@link DeliveryLedger}).
 */
@ApplicationScoped
public class RunExecution {

    private static final Logger LOG = Logger.getLogger(RunExecution.class.getName());
    private static final DateTimeFormatter FILE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    @Resource(lookup = "jdbc/herald")
    DataSource dataSource;

    @Resource(lookup = "mail/herald")
    Session mailSession;

    /** The makers of each kind of schedule's items (reports, summaries, …). */
    @Inject
    @Any
    Instance<ItemMaker> makers;

    @Inject
    PublicLinks links;

    @Inject
    SettingsService settings;

    @Inject
    DeliverySettings delivery;

    @Inject
    SchedulerSettings scheduler;

    @Inject
    OnDemandSettings onDemand;

    @Inject
    InstanceName instance;

    @Inject
    RunJournal journal;

    @Inject
    OnDemandEnds onDemandEnds;

    @Inject
    Clock clock;

    @Inject
    MailHealth mailHealth;

    @Inject
    NoticeSender noticeSender;

    @Resource
    ManagedThreadFactory threadFactory;

    /** Looks after queries still running for a run that was cancelled meanwhile. */
    @Resource
    ManagedScheduledExecutorService timer;

    /** Threads for a run's extra SMTP connections; made as needed, idle ones end after a minute. */
    private ExecutorService senders;

    /** How long runs use the organisation's settings before reading them again. */
    private static final Duration SETTINGS_KEPT = Duration.ofSeconds(5);

    private volatile Cached organisation;

    /** Runs rendering at this moment: at most {@link SchedulerSettings#renderConcurrency()}, first come first served. */
    private RenderSlots renderSlots;

    @PostConstruct
    void start() {
        renderSlots = new RenderSlots(scheduler.renderConcurrency());
        senders = new ThreadPoolExecutor(
                0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), threadFactory);
    }

    /**
     * The organisation's settings as runs use them: read again after a change on this instance, and
     * at most every few seconds otherwise (a change on another instance).
     */
    private OrganisationView organisation() {
        Cached cached = organisation;
        Instant now = clock.instant();
        if (cached == null || now.isAfter(cached.readAt().plus(SETTINGS_KEPT))) {
            cached = new Cached(settings.organisation(), now);
            organisation = cached;
        }
        return cached.view();
    }

    private record Cached(OrganisationView view, Instant readAt) {}

    /**
     * Settings changed on this instance: the next run reads them again (other instances within
     * {@link #SETTINGS_KEPT}).
     */
    void settingsChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) OrganisationChanged change) {
        organisation = null;
    }

    /** The maker of the plan's kind of items, if Herald has one. */
    private Optional<ItemMaker> maker(RunItems.Plan plan) {
        for (ItemMaker maker : makers) {
            if (maker.kinds().contains(plan.kind())) {
                return Optional.of(maker);
            }
        }
        return Optional.empty();
    }

    @PreDestroy
    void stop() {
        senders.shutdownNow();
    }

    /** How a call of {@link #execute} ended for the worker that made it. */
    public enum Step {
        /** The run ended, waits as a row for its next try, or is no longer this attempt's. */
        DONE,
        /** The run waits in line for a render slot; it is resumed, as this attempt, once it has one. */
        IN_LINE_TO_RENDER
    }

    /**
     * Carries out the run as (this instance, attempt); returns early when the run is no longer its
     * own. A run with reports to make takes a render slot first: when none is free it leaves {@code
     * resume} in line and answers {@link Step#IN_LINE_TO_RENDER}, and {@code resume} runs the run
     * again (with {@code holdsSlot}) once a slot is handed to it, so no worker waits for a slot.
     */
    public Step execute(long runId, int attempt, boolean holdsSlot, Runnable resume)
            throws InterruptedException, SQLException, IOException {
        boolean slot = holdsSlot;
        try {
            RunFence fence = new RunFence(runId, instance.get(), attempt);
            // One transaction begins the attempt: ownership, the plan, the items (copied once), the
            // e-mails a dead owner left in doubt, and for a run with nothing to make its tally.
            Instant began = clock.instant();
            Optional<Begun> found = Jdbc.inTransaction(dataSource, c -> {
                // Marking the run RUNNING is also its fence: it changes the row only while this
                // attempt owns the run and it is active, and keeps the row locked to the commit.
                if (!RunOwnership.begin(c, fence.instance(), runId, attempt, began)) {
                    return Optional.empty();
                }
                Optional<RunItems.Plan> plan = RunItems.plan(c, runId);
                if (plan.isEmpty()) {
                    return Optional.empty();
                }
                Optional<ItemMaker> maker = maker(plan.get());
                if (maker.isEmpty()) {
                    return Optional.of(new Begun(plan.get(), List.of(), 0, null));
                }
                List<RunItems.Item> items = plan.get().runItems() > 0 ? RunItems.items(c, runId) : List.of();
                if (items.isEmpty() && maker.get().copyItems(c, plan.get()) > 0) {
                    items = RunItems.items(c, runId);
                }
                // Only an earlier attempt can have left e-mails SENDING.
                int inDoubt = attempt > 1 ? DeliveryLedger.markInDoubt(c, runId, began) : 0;
                RunTally tally = items.isEmpty() ? RunTally.none() : null;
                return Optional.of(new Begun(plan.get(), items, inDoubt, tally));
            });
            if (found.isEmpty()) {
                return Step.DONE;
            }
            Begun begun = found.get();
            if (maker(begun.plan()).isEmpty()) {
                // A kind of schedule this build cannot make (a newer instance's, say): the run fails
                // and says why, rather than being taken over again and again.
                String why =
                        "This Herald cannot make the items of a " + begun.plan().kind() + " schedule.";
                LOG.severe(() -> "Run " + runId + ": " + why);
                journal.record(RunOwnership.Event.ended(runId, attempt, "FAILED", clock.instant(), why));
                return Step.DONE;
            }
            if (begun.inDoubt() > 0) {
                LOG.warning(() -> "Run " + runId + " attempt " + attempt + ": " + begun.inDoubt()
                        + " e-mails were being sent when the previous owner stopped; marked in doubt, not resent");
            }
            RunItems.Plan plan = begun.plan();
            List<RunItems.Item> pending = begun.items().stream()
                    .filter(item -> "PENDING".equals(item.status()))
                    .toList();
            if (!pending.isEmpty() && !slot) {
                Duration work = scheduler.simulatedWork();
                if (!work.isZero()) {
                    Thread.sleep(work.toMillis()); // a test device: reports that take a while to make
                }
                if (!renderSlots.takeOrQueue(resume)) {
                    LOG.fine(() -> "Run " + runId + " waits in line for a render slot");
                    return Step.IN_LINE_TO_RENDER;
                }
                slot = true;
            }
            OrganisationView organisation = organisation();
            Context context = new Context(
                    fence, plan, maker(plan).orElseThrow(), organisation, ZoneId.of(organisation.timeZone()));
            try {
                for (List<RunItems.Item> batch : context.maker.batches(pending)) {
                    if (!(batch.size() == 1 ? render(context, batch.get(0)) : renderTogether(context, batch))) {
                        return Step.DONE;
                    }
                }
                if (slot) {
                    slot = false;
                    renderSlots.release();
                }
                if (begun.tally() != null) {
                    finish(context, begun.tally()); // nothing to make, nothing to send
                    return Step.DONE;
                }
                DeliveryLedger ledger = new DeliveryLedger(
                        dataSource,
                        fence,
                        delivery.retryPolicy(),
                        clock,
                        Duration.ofDays(organisation.linkLifetimeDays()));
                // An on-demand run or an export mails nobody: no SMTP session is opened for it.
                if (plan.isOnDemand()
                        || plan.isExport()
                        || send(context, ledger, pending.isEmpty() ? begun.items() : null)) {
                    finish(context, Jdbc.inTransaction(dataSource, c -> RunTally.of(c, runId)));
                }
                return Step.DONE;
            } finally {
                for (Path file : context.files.values()) {
                    Files.deleteIfExists(file);
                }
            }
        } finally {
            if (slot) {
                renderSlots.release();
            }
        }
    }

    /** What the first transaction of an attempt found: the plan, the items, and a tally when there is nothing to do. */
    private record Begun(RunItems.Plan plan, List<RunItems.Item> items, int inDoubt, RunTally tally) {}

    /** What one attempt works with, and the files it rendered itself. */
    private static final class Context {
        final RunFence fence;
        final RunItems.Plan plan;
        final ItemMaker maker;
        final OrganisationView organisation;
        final ZoneId zone;
        final Map<Long, Path> files = new HashMap<>();

        Context(RunFence fence, RunItems.Plan plan, ItemMaker maker, OrganisationView organisation, ZoneId zone) {
            this.fence = fence;
            this.plan = plan;
            this.maker = maker;
            this.organisation = organisation;
            this.zone = zone;
        }

        long runId() {
            return fence.runId();
        }
    }

    // --- rendering

    /** Makes one item, stores its file and makes its deliveries; false when the run is no longer ours. */
    private boolean render(Context context, RunItems.Item item) throws SQLException, IOException {
        long started = System.nanoTime();
        Path file = Files.createTempFile(
                "herald-run-" + context.runId() + "-", "." + item.format().extension());
        MessageDigest sha256 = sha256();
        ItemMaker.Made made;
        try (OutputStream out =
                        new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 65536), sha256);
                Watch watch = new Watch(context, item)) {
            made = context.maker.make(
                    new ItemMaker.Making(context.plan, item, context.zone, watch, () -> watch.stopped), out);
        } catch (ItemMaker.Stopped e) {
            Files.deleteIfExists(file);
            LOG.info(() -> "Run " + context.runId() + " was cancelled or taken over while “" + item.displayName()
                    + "” was being made; stopped, and its unfinished file is deleted");
            return false;
        } catch (IOException | SQLException e) {
            return fail(context, item, null, file, "The file could not be written: " + e.getMessage());
        }
        return keep(context, item, file, sha256, made, started);
    }

    /**
     * Makes a batch of items in one pass (recipients' files split from one query), then keeps each
     * file as {@link #render} keeps one: skipped when empty, or stored with its deliveries, each in a
     * fenced transaction of its own. Nothing is kept before the whole pass is written, so a pass
     * stopped by a cancellation or a take-over keeps nothing; a batch that cannot be made in one
     * pass (its rows not ordered by recipient, say) is made item by item. False when the run is no
     * longer ours.
     */
    private boolean renderTogether(Context context, List<RunItems.Item> batch) throws SQLException, IOException {
        long started = System.nanoTime();
        Map<Long, Path> files = new HashMap<>();
        Map<Long, MessageDigest> digests = new HashMap<>();
        Optional<List<ItemMaker.Made>> made;
        try (Watch watch = new Watch(context, null)) {
            ItemMaker.Outputs outputs = item -> {
                Path file = Files.createTempFile(
                        "herald-run-" + context.runId() + "-",
                        "." + item.format().extension());
                files.put(item.id(), file);
                MessageDigest sha256 = sha256();
                digests.put(item.id(), sha256);
                return new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 65536), sha256);
            };
            made = context.maker.makeTogether(
                    new ItemMaker.Batch(context.plan, batch, context.zone, watch, () -> watch.stopped, outputs));
        } catch (ItemMaker.Stopped e) {
            deleteAll(files.values());
            LOG.info(() -> "Run " + context.runId() + " was cancelled or taken over while " + batch.size()
                    + " files of “" + batch.get(0).displayName() + "” were being made in one pass; stopped,"
                    + " and nothing of it is kept");
            return false;
        } catch (IOException | SQLException e) {
            LOG.warning(() -> "Run " + context.runId() + ": " + batch.size() + " files of “"
                    + batch.get(0).displayName() + "” could not be made in one pass (" + e.getMessage()
                    + "); made one by one");
            made = Optional.empty();
        }
        if (made.isEmpty()) {
            deleteAll(files.values());
            for (RunItems.Item item : batch) {
                if (!render(context, item)) {
                    return false;
                }
            }
            return true;
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        LOG.info(() -> "Run " + context.runId() + ": made " + batch.size() + " files of “"
                + batch.get(0).displayName() + "” in one pass in " + millis + " ms");
        for (int i = 0; i < batch.size(); i++) {
            RunItems.Item item = batch.get(i);
            Path file = files.remove(item.id());
            boolean kept = file == null
                    ? fail(context, item, made.get().get(i).criteriaStated(), null, "The pass wrote no file for it.")
                    : keep(
                            context,
                            item,
                            file,
                            digests.get(item.id()),
                            made.get().get(i),
                            started);
            if (!kept) {
                deleteAll(files.values());
                return false;
            }
        }
        return true;
    }

    private static void deleteAll(Iterable<Path> files) throws IOException {
        for (Path file : files) {
            Files.deleteIfExists(file);
        }
    }

    /** Keeps what making an item gave: its failure, its skip when empty, or its file and deliveries. */
    private boolean keep(
            Context context, RunItems.Item item, Path file, MessageDigest sha256, ItemMaker.Made made, long started)
            throws SQLException, IOException {
        if (made.isFailed()) {
            return fail(context, item, made.criteriaStated(), file, made.failure());
        }
        long rows = made.rows();
        if (rows == 0 && item.skipWhenEmpty()) {
            Files.delete(file);
            LOG.info(() -> "Run " + context.runId() + ": “" + item.displayName() + "” is empty; skipped");
            return Jdbc.inTransaction(dataSource, c -> {
                if (!context.fence.hold(c)) {
                    return false;
                }
                RunItems.ended(c, item.id(), "SKIPPED_EMPTY", made.criteriaStated(), null);
                return true;
            });
        }
        if (!store(
                context,
                item,
                file,
                made.criteriaStated(),
                rows,
                HexFormat.of().formatHex(sha256.digest()),
                made.alsoStore())) {
            Files.deleteIfExists(file);
            return false;
        }
        context.files.put(item.id(), file);
        long millis = (System.nanoTime() - started) / 1_000_000;
        long bytes = Files.size(file);
        LOG.info(() -> "Run " + context.runId() + ": made “" + item.displayName() + "” as " + item.format() + ", "
                + rows + " rows, " + bytes + " bytes in " + millis + " ms");
        return true;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * Watches one item being rendered: records its progress as rows are written, and while the
     * database is still working on the query (a big aggregation can take a while before its first
     * row), looks every second whether the run is still this attempt's and cancels the statement
     * when it is not. Either way the rendering stops and nothing is stored.
     */
    private final class Watch implements WatchedRenderer.Watcher, AutoCloseable {
        private final Context context;
        /** The item being made, or null for a batch made in one pass (its progress is not recorded). */
        private final RunItems.Item item;

        private volatile Statement statement;
        private volatile boolean stopped;
        private ScheduledFuture<?> guard;

        Watch(Context context, RunItems.Item item) {
            this.context = context;
            this.item = item;
        }

        @Override
        public void rows(long written) throws IOException {
            try {
                progress(context, item, written);
            } catch (ItemMaker.Stopped e) {
                stopped = true;
                throw e;
            }
        }

        @Override
        public void executing(Statement running) {
            statement = running;
            if (running != null && guard == null) {
                guard = timer.scheduleWithFixedDelay(this::check, 1, 1, TimeUnit.SECONDS);
            } else if (running == null) {
                close();
            }
        }

        private void check() {
            Statement running = statement;
            if (running == null || stopped) {
                return;
            }
            try {
                if (!Jdbc.inTransaction(dataSource, context.fence::hold)) {
                    stopped = true;
                    running.cancel();
                    LOG.info(() -> "Run " + context.runId() + ": cancelled the query of “"
                            + (item == null ? "a batch of files" : item.displayName())
                            + "”, as the run is no longer this attempt's");
                }
            } catch (SQLException e) {
                LOG.log(Level.FINE, "Could not check or cancel the query of run " + context.runId(), e);
            }
        }

        @Override
        public void close() {
            statement = null;
            if (guard != null) {
                guard.cancel(false);
            }
        }
    }

    /**
     * Records how many rows of an item are written (the progress people see; none for a batch) and
     * stops the rendering when the run was cancelled or taken over meanwhile.
     */
    private void progress(Context context, RunItems.Item item, long written) throws IOException {
        try {
            boolean ours = Jdbc.inTransaction(dataSource, c -> {
                if (!context.fence.hold(c)) {
                    return false;
                }
                if (item == null) {
                    return true;
                }
                try (var update = c.prepareStatement("UPDATE run_item SET row_count = ? WHERE id = ?")) {
                    update.setLong(1, written);
                    update.setLong(2, item.id());
                    update.executeUpdate();
                }
                return true;
            });
            if (!ours) {
                throw new ItemMaker.Stopped();
            }
        } catch (SQLException e) {
            throw new IOException("The progress could not be recorded: " + e.getMessage(), e);
        }
    }

    private boolean store(
            Context context,
            RunItems.Item item,
            Path file,
            String stated,
            long rows,
            String sha256,
            ItemMaker.AlsoStore also)
            throws SQLException, IOException {
        OrganisationView organisation = context.organisation;
        long bytes = Files.size(file);
        Instant now = clock.instant();
        // An on-demand file is its requester's to fetch for a day or so, not the organisation's to keep:
        // partners can make many, and each would otherwise stay for the whole file retention.
        Instant keptUntil = context.plan.isOnDemand()
                ? now.plus(onDemand.fileLifetime())
                : now.plus(
                        Duration.ofDays(Math.max(organisation.fileRetentionDays(), organisation.linkLifetimeDays())));
        RunItems.Rendered rendered = new RunItems.Rendered(
                stated,
                fileName(item, context.plan.scheduledFor().atZone(context.zone)),
                item.format().mediaType(),
                rows,
                bytes,
                sha256,
                keptUntil);
        boolean tooBig = bytes > organisation.attachmentLimitBytes();
        String reason = item.deliverAs() == DeliverAs.ATTACHMENT && tooBig
                ? "The file is " + MailComposer.size(bytes) + ", more than the "
                        + MailComposer.size(organisation.attachmentLimitBytes())
                        + " that Herald attaches to an e-mail, so it comes as a link instead."
                : null;
        List<DeliveryLedger.NewDelivery> deliveries = new ArrayList<>();
        for (int i = 0; i < item.recipients().size(); i++) {
            deliveries.add(new DeliveryLedger.NewDelivery(
                    item.recipients().get(i),
                    MailComposer.messageId(
                            context.runId(),
                            item.id(),
                            i,
                            context.plan.scheduledFor(),
                            from(organisation).getAddress()),
                    item.deliverAs() == DeliverAs.LINK || tooBig,
                    reason));
        }
        try {
            return Jdbc.inTransaction(dataSource, c -> {
                if (!context.fence.hold(c)) {
                    return false;
                }
                try {
                    RunFiles.store(c, item.id(), file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                RunItems.rendered(c, item.id(), rendered, now);
                if (also != null) {
                    also.in(c, item.id());
                }
                DeliveryLedger.create(c, item.id(), deliveries, now);
                return true;
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private boolean fail(Context context, RunItems.Item item, String stated, Path file, String why)
            throws SQLException {
        LOG.warning(() -> "Run " + context.runId() + ": “" + item.displayName() + "” could not be made: " + why);
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            LOG.log(Level.FINE, "Could not delete " + file, e);
        }
        return Jdbc.inTransaction(dataSource, c -> {
            if (!context.fence.hold(c)) {
                return false;
            }
            RunItems.ended(c, item.id(), "FAILED", stated, why);
            return true;
        });
    }

    /** "yesterdays-sales-2026-11-25.xlsx": the display name made safe for every file system. */
    static String fileName(RunItems.Item item, ZonedDateTime runAt) {
        String slug = Normalizer.normalize(item.displayName(), Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-+|-+$)", "");
        if (slug.isEmpty()) {
            slug = item.reportKey();
        }
        if (slug.length() > 80) {
            slug = slug.substring(0, 80);
        }
        return slug + "-" + FILE_DATE.format(runAt) + "." + item.format().extension();
    }

    // --- sending

    /** Sends what is due until nothing waits for another try; false when the run is no longer ours. */
    private boolean send(Context context, DeliveryLedger ledger, List<RunItems.Item> known)
            throws SQLException, InterruptedException {
        Map<Long, RunItems.Item> items = new HashMap<>();
        for (RunItems.Item item :
                known != null ? known : Jdbc.inTransaction(dataSource, c -> RunItems.items(c, context.runId()))) {
            items.put(item.id(), item);
        }
        InternetAddress from = from(context.organisation);
        Session session = SmtpSessions.forSending(mailSession);
        MailComposer composer = new MailComposer(session, from);
        Map<Long, Attachment> attachments = new ConcurrentHashMap<>();
        MailDispatcher dispatcher = new MailDispatcher(session, senders, delivery.connections());
        MailDispatcher.Messages messages = (letter, leave) -> {
            RunItems.Item item = items.get(letter.itemId());
            return context.maker.mail(new ItemMaker.Mailing(
                    composer,
                    context.plan,
                    item,
                    context.organisation,
                    context.zone,
                    letter,
                    leave,
                    () -> attachments.computeIfAbsent(item.id(), id -> attachment(context, item))));
        };
        while (true) {
            List<MailDispatcher.Outgoing> due = ledger.due();
            if (!due.isEmpty()) {
                long started = System.nanoTime();
                MailDispatcher.Summary summary = dispatcher.send(due, messages, ledger);
                long millis = (System.nanoTime() - started) / 1_000_000;
                LOG.info(() -> "Run " + context.runId() + ": " + summary.accepted() + " e-mails accepted, "
                        + summary.failed() + " failed, over " + summary.connections() + " SMTP connections in "
                        + millis + " ms");
                mailHealth.observe(summary.accepted(), summary.serverFailure());
                if (summary.stopped()) {
                    LOG.info(() -> "Run " + context.runId() + " was cancelled or taken over; stopped sending");
                    return false;
                }
                continue;
            }
            Optional<Instant> next = ledger.nextRetry();
            if (next.isEmpty()) {
                return true;
            }
            park(context, next.get());
            return false;
        }
    }

    /**
     * Hands the run back as WAITING until its next try: the worker goes on to other work, and the
     * first scheduler to see the time come (on any instance) claims the run again.
     */
    private void park(Context context, Instant wakeAt) throws SQLException {
        RunFence fence = context.fence;
        boolean parked = Jdbc.inTransaction(
                dataSource,
                c -> fence.hold(c)
                        && RunOwnership.park(
                                c, fence.instance(), fence.runId(), fence.attempt(), wakeAt, clock.instant()));
        if (parked) {
            LOG.info(() -> "Run " + context.runId() + " waits until " + wakeAt + " to try its e-mails again");
        }
    }

    private Attachment attachment(Context context, RunItems.Item item) {
        try {
            Path file = context.files.get(item.id());
            if (file != null) {
                return Attachment.of(item.fileName(), item.contentType(), file);
            }
            Path copy = RunFiles.toTemporaryFile(dataSource, item.id());
            try {
                return Attachment.of(item.fileName(), item.contentType(), copy);
            } finally {
                Files.deleteIfExists(copy);
            }
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("The file of “" + item.displayName() + "” could not be read", e);
        }
    }

    // --- the end

    private void finish(Context context, RunTally tally) throws SQLException {
        String status = tally.status();
        Optional<OwnerMail> notice = ownerMail(context, tally, status);
        if (notice.isPresent() && notice.get().message() != null) {
            Instant now = clock.instant();
            boolean made = Jdbc.inTransaction(
                    dataSource, c -> context.fence.hold(c) && recordNotice(c, context.runId(), notice.get(), now));
            if (made) {
                LOG.info(() -> "Run " + context.runId() + ": its owner "
                        + notice.get().owner() + " is told that it " + status);
                noticeSender.sendDue();
            }
        }
        String detail = detail(context, tally, notice);
        RunOwnership.Event ended =
                RunOwnership.Event.ended(context.runId(), context.fence.attempt(), status, clock.instant(), detail);
        if (context.plan.isOnDemand()) {
            journal.record(ended, () -> onDemandEnds.ended(context.runId(), context.plan.requestedBy()));
        } else {
            journal.record(ended);
        }
        LOG.info(() -> "Run " + context.runId() + " attempt " + context.fence.attempt() + " " + status + ": " + detail);
    }

    /**
     * Begins many runs of this instance in one transaction (a storm's claim hands them over
     * together): reads their plans in one query, and ends there the runs that have nothing to make,
     * each as {@link #execute} would end it (fenced by its attempt, its owner told). Answers the
     * runs that have work: each goes on through {@link #execute} on a worker of its own, which
     * begins its attempt, so a run's start is recorded when a worker takes it up.
     */
    public List<RunOwnership.Owned> beginAll(List<RunOwnership.Owned> runs) throws SQLException {
        List<Long> ids = runs.stream().map(RunOwnership.Owned::runId).toList();
        List<RunOwnership.Owned> goOn = new ArrayList<>();
        List<Ending> ended = Jdbc.inTransaction(dataSource, c -> {
            goOn.clear();
            Map<Long, RunItems.Plan> plans = RunItems.plans(c, ids);
            Instant now = clock.instant();
            List<Ending> endings = new ArrayList<>();
            for (RunOwnership.Owned run : runs) {
                RunItems.Plan plan = plans.get(run.runId());
                if (plan == null) {
                    continue; // deleted meanwhile with its schedule: nothing left to do
                }
                Optional<ItemMaker> maker = maker(plan);
                if (maker.isEmpty() || plan.isOnDemand() || !maker.get().makesNothing(plan)) {
                    goOn.add(run);
                    continue;
                }
                OrganisationView organisation = organisation();
                Context context = new Context(
                        new RunFence(run.runId(), instance.get(), run.attempt()),
                        plan,
                        maker.get(),
                        organisation,
                        ZoneId.of(organisation.timeZone()));
                RunTally tally = RunTally.none();
                Optional<OwnerMail> notice = ownerMail(context, tally, tally.status());
                endings.add(new Ending(context, tally.status(), detail(context, tally, notice), notice));
            }
            // Each end is fenced: it changes the run only while this attempt owns it and it is active.
            boolean[] applied = RunOwnership.record(
                    c,
                    instance.get(),
                    endings.stream()
                            .map(e -> RunOwnership.Event.ended(
                                    e.context().runId(), e.context().fence.attempt(), e.status(), now, e.detail()))
                            .toList());
            List<Ending> done = new ArrayList<>();
            for (int i = 0; i < applied.length; i++) {
                Ending ending = endings.get(i);
                if (applied[i]) {
                    done.add(ending);
                    if (ending.notice().isPresent() && ending.notice().get().message() != null) {
                        recordNotice(
                                c, ending.context().runId(), ending.notice().get(), now);
                    }
                }
            }
            return done;
        });
        if (!ended.isEmpty()) {
            LOG.info(() -> ended.size() + " runs had nothing to make and ended: "
                    + ended.stream()
                            .map(e -> "run " + e.context().runId() + " attempt "
                                    + e.context().fence.attempt() + " " + e.status() + ": " + e.detail())
                            .distinct()
                            .reduce((a, b) -> a + "; " + b)
                            .orElse(""));
            if (ended.stream()
                    .anyMatch(e -> e.notice().map(n -> n.message() != null).orElse(false))) {
                noticeSender.sendDue();
            }
        }
        return goOn;
    }

    /** A run that ends in {@link #beginAll}, with what is recorded of it. */
    private record Ending(Context context, String status, String detail, Optional<OwnerMail> notice) {}

    /** The owner's notice of a run that did not succeed: the e-mail to send, or why there is none. */
    private record OwnerMail(String owner, MimeMessage message, String problem) {}

    /**
     * The owner's notice of a run that ended with this status: none for a run that succeeded, a
     * test (its sender sees the outcome), an on-demand run (its partner does) or an export.
     */
    private Optional<OwnerMail> ownerMail(Context context, RunTally tally, String status) {
        if ("SUCCEEDED".equals(status)
                || context.plan.isTest()
                || context.plan.isOnDemand()
                || context.plan.isExport()) {
            return Optional.empty();
        }
        String owner = context.plan.ownerEmail();
        if (owner == null || owner.isBlank()) {
            return Optional.of(
                    new OwnerMail(owner, null, "The schedule's owner has no e-mail address, so nobody was told."));
        }
        OwnerNotice notice = new OwnerNotice(
                owner,
                context.organisation.clientName(),
                context.plan.scheduleName(),
                context.runId(),
                status,
                context.plan.trigger(),
                context.plan.scheduledFor().atZone(context.zone),
                tally.summary(),
                tally.problems(),
                links.consoleRun(context.runId()),
                links.resendFailedApi(context.runId()));
        InternetAddress from = from(context.organisation);
        String messageId = "<herald." + context.runId() + ".owner." + context.fence.attempt() + "@"
                + from.getAddress().substring(from.getAddress().lastIndexOf('@') + 1) + ">";
        try {
            return Optional.of(
                    new OwnerMail(owner, new MailComposer(mailSession, from).ownerNotice(notice, messageId), null));
        } catch (MessagingException e) {
            LOG.warning(() -> "Run " + context.runId() + ": could not write its owner's notice: " + e.getMessage());
            return Optional.of(
                    new OwnerMail(owner, null, "The notice to the owner could not be written: " + e.getMessage()));
        }
    }

    /**
     * Records the owner's notice, once per run, in the caller's transaction (which holds the run's
     * fence); {@link NoticeSender} sends it, retried while the mail server is away.
     */
    private static boolean recordNotice(Connection c, long runId, OwnerMail mail, Instant now) throws SQLException {
        try (var update =
                c.prepareStatement("UPDATE run SET owner_notified_at = ? WHERE id = ? AND owner_notified_at IS NULL")) {
            Jdbc.setInstant(update, 1, now);
            update.setLong(2, runId);
            if (update.executeUpdate() != 1) {
                return false;
            }
        }
        return Notices.add(c, Notices.Kind.OWNER_NOTICE, runId, mail.owner(), mail.message(), now);
    }

    /**
     * The run's detail at its end: how this attempt came about (a catch-up after downtime, a resend,
     * a take-over), the tally, and why the owner was not told.
     */
    private static String detail(Context context, RunTally tally, Optional<OwnerMail> notice) {
        StringBuilder detail = new StringBuilder();
        if (context.plan.note() != null) {
            detail.append(context.plan.note()).append(' ');
        }
        detail.append(tally.summary());
        notice.map(OwnerMail::problem).ifPresent(problem -> detail.append(' ').append(problem));
        return detail.toString();
    }

    private InternetAddress from(OrganisationView organisation) {
        return MailComposer.sender(organisation.fromAddress(), mailSession);
    }
}
