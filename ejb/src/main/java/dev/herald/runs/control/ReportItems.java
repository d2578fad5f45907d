package dev.herald.runs.control;

import dev.herald.mail.control.MailDispatcher;
import dev.herald.mail.control.ReportMail;
import dev.herald.platform.boundary.NotFoundException;
import dev.herald.platform.boundary.ValidationException;
import dev.herald.platform.control.PublicLinks;
import dev.herald.reports.control.ParameterSpec;
import dev.herald.reports.control.ReportEngine;
import dev.herald.reports.control.ReportSpec;
import dev.herald.reports.control.SplitRender;
import dev.herald.schedules.control.SubjectTemplate;
import dev.herald.schedules.entity.Schedule;
import dev.herald.scopes.control.ScopeKinds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Makes the items of report schedules: each report rendered by the report engine with its saved
 * criteria, and mailed attached or as a link to the partner portal, under the item's subject.
 */
@ApplicationScoped
public class ReportItems implements ItemMaker {

    private static final Logger LOG = Logger.getLogger(ReportItems.class.getName());
    private static final DateTimeFormatter RUN_DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    @Inject
    ReportEngine engine;

    @Inject
    PublicLinks links;

    @Inject
    ScopeKinds scopeKinds;

    /** Report schedules, and the scheduled tasks (usage reports), whose items are reports too. */
    @Override
    public Set<String> kinds() {
        return Set.of(Schedule.REPORTS, Schedule.TASK);
    }

    @Override
    public int copyItems(Connection connection, RunItems.Plan plan) throws SQLException {
        return RunItems.copyItems(connection, plan);
    }

    /** A run that has no items yet, of a schedule that has none (or of no schedule). */
    @Override
    public boolean makesNothing(RunItems.Plan plan) {
        return plan.runItems() == 0
                && plan.onlyItemId() == null
                && (plan.scheduleId() == null || plan.scheduleItems() == 0);
    }

    @Override
    public Made make(Making making, OutputStream out) throws IOException, SQLException {
        RunItems.Item item = making.item();
        String stated = null;
        try {
            ReportSpec report = engine.spec(item.reportKey());
            JsonObject criteria =
                    Json.createReader(new StringReader(item.criteria())).readObject();
            ReportEngine.Prepared prepared = engine.prepare(
                    report,
                    criteria,
                    item.displayName(),
                    "criteria",
                    making.plan().scheduledFor(),
                    item.isScoped() ? scopeKinds.scopes(RecipientScoping.parse(item.scopeValues())) : null);
            stated = ItemMaker.stated(prepared.criteria().criteria());
            long rows;
            try {
                rows = engine.render(prepared, item.format(), item.csvDelimiter(), false, out, making.watcher());
            } catch (SQLException e) {
                if (making.stopped().getAsBoolean()) {
                    throw new Stopped();
                }
                throw e;
            }
            return Made.file(stated, rows, null);
        } catch (Stopped e) {
            throw e;
        } catch (ValidationException e) {
            return Made.failed(stated, "Its criteria are no longer valid: " + e.getMessage());
        } catch (NotFoundException e) {
            return Made.failed(stated, "The report " + item.reportKey() + " no longer exists.");
        } catch (SQLTimeoutException e) {
            return Made.failed(stated, "The report's query took longer than its time-out.");
        } catch (IOException | SQLException e) {
            return Made.failed(stated, "The report's query failed: " + e.getMessage());
        }
    }

    /**
     * From how many recipients of one per-recipient item on their files are made in one split pass
     * rather than one query each. Measured with {@code bench/run burst} on 2026-12-05 (README, "One
     * item to many recipients"): where each recipient's query finds its rows by an index, both ways
     * cost the same within the noise (10,000,000 rows to 1,000 recipients: 47.2 s split against
     * 53.1 s separate in one run, 68.6 s against 63.2 s in another; warm, in one JVM, 1, 5 and 50
     * recipients took the same time either way); where each recipient's query reads the whole table
     * (no index on the key, 1,000,000 rows), the split was 1.9× faster at 2 recipients, 3.5× at 10,
     * 8.6× at 100 and 13.9× at 1,000. Below 10 recipients both ways take well under a second and
     * the split measured slower in fresh JVMs (code not yet compiled, it seems), so a few
     * recipients are made one by one; from 10 on, the split is at parity within the noise with an
     * index (0.68–1.74 across runs) and far better without one.
     */
    static final int SPLIT_FROM = 10;

    /** The most recipients' files one pass makes (so many values bound in one query). */
    static final int SPLIT_AT_MOST = 1000;

    /**
     * The run items made per recipient from one schedule item, each holding one value of one scope
     * kind, in batches of {@link #SPLIT_FROM} to {@link #SPLIT_AT_MOST} made in one pass; every other
     * item alone, in the order given.
     */
    @Override
    public List<List<RunItems.Item>> batches(List<RunItems.Item> pending) {
        return batches(pending, SPLIT_FROM, SPLIT_AT_MOST);
    }

    static List<List<RunItems.Item>> batches(List<RunItems.Item> pending, int from, int atMost) {
        Map<List<Object>, List<RunItems.Item>> groups = new LinkedHashMap<>();
        for (RunItems.Item item : pending) {
            Map<String, List<String>> values = RecipientScoping.parse(item.scopeValues());
            boolean oneValue = item.scheduledReportId() != null
                    && values.size() == 1
                    && values.values().iterator().next().size() == 1;
            List<Object> key = oneValue
                    ? List.of(
                            item.scheduledReportId(),
                            item.reportKey(),
                            item.criteria(),
                            item.format(),
                            item.csvDelimiter(),
                            values.keySet().iterator().next())
                    : List.of(item.id());
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(item);
        }
        List<List<RunItems.Item>> batches = new ArrayList<>();
        for (List<RunItems.Item> group : groups.values()) {
            if (group.size() < from) {
                group.forEach(item -> batches.add(List.of(item)));
                continue;
            }
            for (int start = 0; start < group.size(); start += atMost) {
                batches.add(List.copyOf(group.subList(start, Math.min(group.size(), start + atMost))));
            }
        }
        return batches;
    }

    /**
     * Makes recipients' files of one item in one pass: one query with all their values, split by
     * the value the report selects last ({@link SplitRender}), each file with the recipient's own
     * header and criteria. Empty (each made alone) when the report has not exactly one bound
     * parameter, when its criteria or a recipient's values no longer resolve (each item then fails
     * with its own reason), or when the rows cannot be split.
     */
    @Override
    public Optional<List<Made>> makeTogether(Batch batch) throws IOException, SQLException {
        List<RunItems.Item> items = batch.items();
        RunItems.Item first = items.get(0);
        try {
            ReportSpec report = engine.spec(first.reportKey());
            List<ParameterSpec> bound =
                    report.parameters().stream().filter(ParameterSpec::isBound).toList();
            if (bound.size() != 1) {
                return Optional.empty();
            }
            String kind = bound.get(0).scope();
            JsonObject criteria =
                    Json.createReader(new StringReader(first.criteria())).readObject();
            Set<String> union = new LinkedHashSet<>();
            List<SplitRender.File> files = new ArrayList<>();
            List<String> stated = new ArrayList<>();
            for (RunItems.Item item : items) {
                Map<String, List<String>> values = RecipientScoping.parse(item.scopeValues());
                List<String> own = values.get(kind);
                if (values.size() != 1 || own == null || own.size() != 1) {
                    return Optional.empty();
                }
                ReportEngine.Prepared prepared = engine.prepare(
                        report,
                        criteria,
                        item.displayName(),
                        "criteria",
                        batch.plan().scheduledFor(),
                        scopeKinds.scopes(values));
                stated.add(ItemMaker.stated(prepared.criteria().criteria()));
                union.add(own.get(0));
                files.add(new SplitRender.File(
                        own.get(0), prepared.header(), () -> batch.outputs().open(item)));
            }
            ReportEngine.Prepared all = engine.prepare(
                    report,
                    criteria,
                    first.displayName(),
                    "criteria",
                    batch.plan().scheduledFor(),
                    scopeKinds.scopes(Map.of(kind, List.copyOf(union))));
            List<SplitRender.Made> made;
            try {
                made = engine.split(
                        all,
                        new SplitRender(first.format(), first.csvDelimiter(), false, files, true),
                        batch.watcher());
            } catch (SQLException e) {
                if (batch.stopped().getAsBoolean()) {
                    throw new Stopped();
                }
                throw e;
            }
            List<Made> answers = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                answers.add(Made.file(stated.get(i), made.get(i).rows(), null));
            }
            return Optional.of(answers);
        } catch (ValidationException | NotFoundException | SplitRender.NotSplittable e) {
            LOG.info(() ->
                    items.size() + " files of “" + first.displayName() + "” are made one by one: " + e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public MimeMessage mail(Mailing mailing) throws MessagingException {
        MailDispatcher.Outgoing letter = mailing.letter();
        ReportMail.Copy copy = new ReportMail.Copy(
                letter.recipient(),
                letter.messageId(),
                subject(mailing),
                letter.asLink(),
                letter.linkReason(),
                letter.asLink() ? links.partnerFile(mailing.leave().linkToken()) : null,
                mailing.leave().linkExpiresAt() == null
                        ? null
                        : mailing.leave().linkExpiresAt().atZone(mailing.zone()));
        return mailing.composer()
                .report(
                        reportMail(mailing),
                        copy,
                        letter.asLink() ? null : mailing.attachment().get());
    }

    private static ReportMail reportMail(Mailing mailing) {
        RunItems.Item item = mailing.item();
        List<ReportMail.StatedCriterion> criteria = new ArrayList<>();
        if (item.criteriaStated() != null) {
            for (JsonValue value :
                    Json.createReader(new StringReader(item.criteriaStated())).readArray()) {
                JsonObject criterion = value.asJsonObject();
                criteria.add(
                        new ReportMail.StatedCriterion(criterion.getString("label"), criterion.getString("value")));
            }
        }
        return new ReportMail(
                mailing.organisation().clientName(),
                mailing.plan().scheduleName(),
                item.displayName(),
                item.reportName(),
                mailing.plan().scheduledFor().atZone(mailing.zone()),
                criteria,
                item.fileName(),
                item.format(),
                item.bytes(),
                item.rows(),
                mailing.plan().isTest());
    }

    private static String subject(Mailing mailing) {
        RunItems.Item item = mailing.item();
        String subject = SubjectTemplate.fill(
                item.subject(),
                Map.of(
                        "ClientName", mailing.organisation().clientName(),
                        "ReportName", item.displayName(),
                        "ScheduleName", mailing.plan().scheduleName(),
                        "RunDate", RUN_DATE.format(mailing.plan().scheduledFor().atZone(mailing.zone()))));
        return mailing.plan().isTest() ? "[Test] " + subject : subject;
    }
}
