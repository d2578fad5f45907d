package dev.herald.summaries.boundary;

import dev.herald.access.entity.SecurityRoles;
import dev.herald.access.entity.UserAccount;
import dev.herald.audit.boundary.AuditLog;
import dev.herald.audit.boundary.AuditRecord;
import dev.herald.platform.boundary.ExpectedVersion;
import dev.herald.platform.boundary.NotFoundException;
import dev.herald.platform.boundary.Page;
import dev.herald.platform.boundary.ValidationException;
import dev.herald.platform.control.EmailAddresses;
import dev.herald.platform.control.Jdbc;
import dev.herald.runs.boundary.RunService;
import dev.herald.runs.boundary.RunView;
import dev.herald.runs.control.LinkTokens;
import dev.herald.runs.control.RunFiles;
import dev.herald.schedules.control.NextRunCalculator;
import dev.herald.schedules.entity.DailyFrequencyType;
import dev.herald.schedules.entity.MisfirePolicy;
import dev.herald.schedules.entity.OccursType;
import dev.herald.schedules.entity.Recurrence;
import dev.herald.schedules.entity.Schedule;
import dev.herald.schedules.entity.WeekOrdinal;
import dev.herald.summaries.control.Summary;
import dev.herald.summaries.control.SummaryMaker;
import dev.herald.summaries.control.SummaryPeriod;
import dev.herald.summaries.control.SummaryRuns;
import dev.herald.summaries.entity.SummarySettings;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The weekly summary reports. Their settings drive one schedule of kind SUMMARY, fired by the same
 * scheduler as every schedule (exactly once across instances, caught up after a restart): every 7
 * days, every second week for 14, and on the first chosen weekday of each month for 30, at the send
 * time in the chosen zone. Each run makes a business-owner and a manager summary for the days before
 * the send day and mails their recipients a link that needs no sign-in.
 *
 * <p>Those links are capabilities: 256 random bits of which only a hash is stored, valid for the
 * organisation's link lifetime, and withdrawn by staff at any time, one recipient or a whole summary.
 */
@Stateless
public class SummaryReportService {

    static final Set<Integer> PERIODS = Set.of(7, 14, 30);
    private static final String SUMMARIES = "SELECT i.id, i.run_id, r.run_trigger, p.audience, i.display_name,"
            + " p.period_from, p.period_to, i.rendered_at FROM summary_report p"
            + " JOIN run_item i ON i.id = p.run_item_id JOIN run r ON r.id = i.run_id";
    static final int MAX_NAME = 200;
    private static final int NEXT_SENDS = 3;

    @PersistenceContext(unitName = "herald")
    EntityManager em;

    @Resource(lookup = "jdbc/herald")
    DataSource dataSource;

    @Resource
    SessionContext session;

    @Inject
    RunService runs;

    @Inject
    AuditLog auditLog;

    @Inject
    Clock clock;

    @Inject
    SummaryMaker maker;

    @RolesAllowed(SecurityRoles.CONFIGURE_SUMMARY_REPORTS)
    public SummarySettingsView settings() {
        return view(em.find(SummarySettings.class, SummarySettings.ID));
    }

    @RolesAllowed(SecurityRoles.CONFIGURE_SUMMARY_REPORTS)
    public SummarySettingsView update(SummarySettingsView input, String remoteAddress) {
        return update(input, ExpectedVersion.missing(), remoteAddress);
    }

    /** Changes the summary settings; a version given (If-Match) is compared under the row's lock. */
    @RolesAllowed(SecurityRoles.CONFIGURE_SUMMARY_REPORTS)
    public SummarySettingsView update(SummarySettingsView input, ExpectedVersion expected, String remoteAddress) {
        if (input == null) {
            throw ValidationException.of("organisationName", "Send the settings.");
        }
        if (!expected.isMissing()) {
            SummarySettings current =
                    em.find(SummarySettings.class, SummarySettings.ID, LockModeType.PESSIMISTIC_WRITE);
            expected.check("summary settings", "summary-reports", current.getVersion());
        }
        ValidationException.Builder problems = ValidationException.builder();
        String name =
                input.organisationName() == null ? "" : input.organisationName().strip();
        if (name.isEmpty()) {
            problems.add("organisationName", "Enter the name the summaries carry as their title.");
        } else if (name.length() > MAX_NAME) {
            problems.add("organisationName", "The name has at most " + MAX_NAME + " characters.");
        }
        List<String> owners = recipients(input.ownerEmails(), "ownerEmails", problems);
        List<String> managers = recipients(input.managerEmails(), "managerEmails", problems);
        boolean enabled = Boolean.TRUE.equals(input.enabled());
        if (enabled && owners.isEmpty() && managers.isEmpty() && !problems.hasErrorOn("ownerEmails")) {
            problems.add(
                    "ownerEmails", "Add a business owner or a manager to send the summaries to, or leave them off.");
        }
        if (input.periodDays() == null || !PERIODS.contains(input.periodDays())) {
            problems.add("periodDays", "Choose a period of 7 or 14 days, or 30 for the previous calendar month.");
        }
        DayOfWeek day = null;
        try {
            day = DayOfWeek.valueOf(
                    input.sendDay() == null ? "" : input.sendDay().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add("sendDay", "Choose the day of the week the summaries are sent, such as MONDAY.");
        }
        LocalTime time = null;
        try {
            time = LocalTime.parse(
                    input.sendTime() == null ? "" : input.sendTime().strip());
        } catch (DateTimeParseException e) {
            problems.add("sendTime", "Enter the time of day as HH:mm, such as 08:00.");
        }
        String zone = input.timeZone() == null ? "" : input.timeZone().strip();
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            problems.add("timeZone", "Choose a time zone such as Europe/London; '" + zone + "' is not one.");
        }
        problems.throwIfAny();

        SummarySettings settings = em.find(SummarySettings.class, SummarySettings.ID, LockModeType.PESSIMISTIC_WRITE);
        SummarySettingsView before = view(settings);
        Instant now = clock.instant();
        settings.setEnabled(enabled);
        settings.setOrganisationName(name);
        settings.setOwnerEmails(owners);
        settings.setManagerEmails(managers);
        settings.setPeriodDays(input.periodDays());
        settings.setSendDay(day);
        settings.setSendTime(time.withSecond(0).withNano(0));
        settings.setTimeZone(zone);
        settings.setUpdatedAt(now);
        Schedule schedule = settings.getSchedule();
        Recurrence timetable = timetable(settings, now);
        schedule.setRecurrence(timetable);
        schedule.setEnabled(enabled);
        schedule.setRunAsSchedule(true);
        schedule.setOwner(caller().orElse(schedule.getOwner()));
        schedule.setUpdatedAt(now);
        schedule.setNextRunAt(
                enabled ? NextRunCalculator.of(timetable).next(now).orElse(null) : null);
        em.flush();
        SummarySettingsView after = view(settings);
        auditLog.record(AuditRecord.of(callerName(), "summary.settings.update", remoteAddress)
                .about("settings", "summary-reports")
                .change(before, after));
        return after;
    }

    /**
     * Makes both summaries now and sends them to the given addresses only; with none, to the caller.
     * Works whether the summaries are enabled or not, so that they can be tried before they start.
     */
    @RolesAllowed(SecurityRoles.CONFIGURE_SUMMARY_REPORTS)
    public RunView test(List<String> to) {
        ValidationException.Builder problems = ValidationException.builder();
        List<String> addresses = EmailAddresses.split(to);
        if (addresses.isEmpty()) {
            String own = caller().map(UserAccount::getEmail).orElse(null);
            if (own == null || own.isBlank()) {
                throw ValidationException.of(
                        "to", "You have no e-mail address of your own: enter the addresses to send the test to.");
            }
            addresses = List.of(own);
        }
        addresses = EmailAddresses.check(addresses, "to", problems);
        problems.throwIfAny();
        return runs.testSummary(addresses);
    }

    /** The summaries made so far, newest first, with every recipient's link. */
    @RolesAllowed(SecurityRoles.CONFIGURE_SUMMARY_REPORTS)
    public Page<SentSummaryView> sent(Integer page, Integer size) {
        int pageNumber = Page.page(page);
        int pageSize = Page.size(size);
        try {
            return Jdbc.inCallersTransaction(dataSource, c -> {
                long total;
                try (PreparedStatement count = c.prepareStatement("SELECT COUNT(*) FROM summary_report");
                        ResultSet row = count.executeQuery()) {
                    row.next();
                    total = row.getLong(1);
                }
                List<SentSummaryView> summaries = new ArrayList<>();
                try (PreparedStatement query = c.prepareStatement(SUMMARIES + " ORDER BY i.id DESC LIMIT ? OFFSET ?")) {
                    query.setInt(1, pageSize);
                    query.setLong(2, (long) pageNumber * pageSize);
                    try (ResultSet row = query.executeQuery()) {
                        while (row.next()) {
                            summaries.add(summary(row));
                        }
                    }
                }
                return new Page<>(withLinks(c, summaries), pageNumber, pageSize, total);
            });
        } catch (SQLException e) {
            throw new IllegalStateException("The sent summaries could not be read: " + e.getMessage(), e);
        }
    }

    /**
     * The latest summary made for an audience (OWNER or MANAGER) as its recipients see it, or, when
     * none was made yet, one made now from the saved settings for the period that ended yesterday.
     */
    @RolesAllowed(SecurityRoles.CONFIGURE_SUMMARY_REPORTS)
    public SummaryPreviewView preview(String audienceName) {
        Summary.Audience audience;
        try {
            audience = Summary.Audience.valueOf(
                    audienceName == null ? "" : audienceName.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ValidationException.of("audience", "Choose OWNER or MANAGER");
        }
        try {
            Optional<SummaryPreviewView> latest = Jdbc.inCallersTransaction(dataSource, c -> {
                try (PreparedStatement query = c.prepareStatement("SELECT i.run_id, p.period_from, p.period_to,"
                        + " i.rendered_at, p.page FROM summary_report p JOIN run_item i ON i.id = p.run_item_id"
                        + " WHERE p.audience = ? ORDER BY i.id DESC LIMIT 1")) {
                    query.setString(1, audience.name());
                    try (ResultSet row = query.executeQuery()) {
                        if (!row.next()) {
                            return Optional.empty();
                        }
                        return Optional.of(new SummaryPreviewView(
                                audience.name(),
                                audience.title(),
                                row.getObject(2, LocalDate.class),
                                row.getObject(3, LocalDate.class),
                                row.getLong(1),
                                Jdbc.instant(row, "rendered_at"),
                                false,
                                row.getString(5)));
                    }
                }
            });
            if (latest.isPresent()) {
                return latest.get();
            }
            SummarySettings settings = em.find(SummarySettings.class, SummarySettings.ID);
            ZoneId zone = ZoneId.of(settings.getTimeZone());
            SummaryPeriod period =
                    SummaryPeriod.before(clock.instant().atZone(zone).toLocalDate(), settings.getPeriodDays(), zone);
            String page = maker.page(new SummaryRuns.Request(audience, settings.getOrganisationName(), period));
            return new SummaryPreviewView(
                    audience.name(), audience.title(), period.from(), period.to(), null, clock.instant(), true, page);
        } catch (SQLException e) {
            throw new IllegalStateException("The summary could not be read or made: " + e.getMessage(), e);
        }
    }

    /** Withdraws every link of one summary. */
    @RolesAllowed(SecurityRoles.CONFIGURE_SUMMARY_REPORTS)
    public SentSummaryView revoke(long summaryId, String remoteAddress) {
        return withdraw(summaryId, null, remoteAddress);
    }

    /** Withdraws one recipient's link. */
    @RolesAllowed(SecurityRoles.CONFIGURE_SUMMARY_REPORTS)
    public SentSummaryView revokeLink(long summaryId, long linkId, String remoteAddress) {
        return withdraw(summaryId, linkId, remoteAddress);
    }

    /** What a link opens, for whoever holds it; the opening is counted and audited. */
    @PermitAll
    public SummaryAccess open(String token, String remoteAddress) {
        Optional<Link> found = find(token, true);
        if (found.isEmpty()) {
            return new SummaryAccess.Refused();
        }
        Link link = found.get();
        Instant now = clock.instant();
        if (!link.opens(now)) {
            auditLog.record(AuditRecord.of("link:" + link.recipient(), "summary.open.refused", remoteAddress)
                    .about("summary", link.itemId())
                    .withDetail("{\"linkId\":" + link.deliveryId() + ",\"why\":\""
                            + (link.revokedAt() != null ? "withdrawn" : "expired") + "\"}"));
            return link.revokedAt() != null
                    ? new SummaryAccess.Gone(link.revokedAt(), true)
                    : new SummaryAccess.Gone(link.goneSince(), false);
        }
        update(
                "UPDATE delivery SET link_opened_at = COALESCE(link_opened_at, ?), link_opens = link_opens + 1"
                        + " WHERE id = ?",
                now,
                link.deliveryId());
        auditLog.record(AuditRecord.of("link:" + link.recipient(), "summary.open", remoteAddress)
                .about("summary", link.itemId())
                .withDetail("{\"linkId\":" + link.deliveryId() + "}"));
        return new SummaryAccess.Granted(link.page(), link.fileName(), link.bytes());
    }

    /** Streams the PDF of a link that is still good; false (nothing written) when it is not. */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public boolean writePdf(String token, OutputStream out) throws IOException {
        Optional<Link> found = find(token, false);
        if (found.isEmpty() || !found.get().opens(clock.instant())) {
            return false;
        }
        try {
            RunFiles.copy(dataSource, found.get().itemId(), out);
            return true;
        } catch (SQLException e) {
            throw new IOException("The summary's PDF could not be read: " + e.getMessage(), e);
        }
    }

    // --- links

    /** One recipient's link, and whether the summary's PDF is still kept (housekeeping purges it with the files). */
    private record Link(
            long deliveryId,
            long itemId,
            String recipient,
            Instant expiresAt,
            Instant revokedAt,
            Instant fileKeptUntil,
            Instant filePurgedAt,
            String fileName,
            long bytes,
            String page) {

        /** Neither withdrawn nor expired, and its PDF not purged: a link never opens half a summary. */
        boolean opens(Instant now) {
            return revokedAt == null
                    && (expiresAt == null || expiresAt.isAfter(now))
                    && filePurgedAt == null
                    && (fileKeptUntil == null || fileKeptUntil.isAfter(now));
        }

        /** When an expired link stopped working: its own expiry, or when its file went, whichever came first. */
        Instant goneSince() {
            Instant fileGone = filePurgedAt != null ? filePurgedAt : fileKeptUntil;
            if (expiresAt == null) {
                return fileGone;
            }
            return fileGone == null || expiresAt.isBefore(fileGone) ? expiresAt : fileGone;
        }
    }

    private Optional<Link> find(String token, boolean withPage) {
        if (!LinkTokens.looksLikeToken(token)) {
            return Optional.empty();
        }
        try {
            return Jdbc.inCallersTransaction(dataSource, c -> {
                try (PreparedStatement query = c.prepareStatement("SELECT d.id, i.id, d.recipient, d.link_expires_at,"
                        + " d.link_revoked_at, i.file_name, i.byte_count, i.file_kept_until, i.file_purged_at"
                        + (withPage ? ", p.page" : "")
                        + " FROM delivery d JOIN run_item i ON i.id = d.run_item_id"
                        + " JOIN summary_report p ON p.run_item_id = i.id WHERE d.link_token_hash = ?")) {
                    query.setString(1, LinkTokens.digest(token));
                    try (ResultSet row = query.executeQuery()) {
                        if (!row.next()) {
                            return Optional.empty();
                        }
                        return Optional.of(new Link(
                                row.getLong(1),
                                row.getLong(2),
                                row.getString(3),
                                Jdbc.instant(row, "link_expires_at"),
                                Jdbc.instant(row, "link_revoked_at"),
                                Jdbc.instant(row, "file_kept_until"),
                                Jdbc.instant(row, "file_purged_at"),
                                row.getString(6),
                                row.getLong(7),
                                withPage ? row.getString("page") : null));
                    }
                }
            });
        } catch (SQLException e) {
            throw new IllegalStateException("The link could not be looked up: " + e.getMessage(), e);
        }
    }

    private SentSummaryView withdraw(long summaryId, Long linkId, String remoteAddress) {
        String caller = callerName();
        Instant now = clock.instant();
        try {
            SentSummaryView after = Jdbc.inCallersTransaction(dataSource, c -> {
                SentSummaryView before =
                        one(c, summaryId).orElseThrow(() -> new NotFoundException("summary", summaryId));
                if (linkId != null && before.links().stream().noneMatch(link -> link.id() == linkId)) {
                    throw new NotFoundException("link", linkId);
                }
                try (PreparedStatement update = c.prepareStatement(
                        "UPDATE delivery SET link_revoked_at = ?, link_revoked_by = ? WHERE run_item_id = ?"
                                + " AND link_revoked_at IS NULL" + (linkId == null ? "" : " AND id = ?"))) {
                    Jdbc.setInstant(update, 1, now);
                    update.setString(2, caller);
                    update.setLong(3, summaryId);
                    if (linkId != null) {
                        update.setLong(4, linkId);
                    }
                    update.executeUpdate();
                }
                return one(c, summaryId).orElseThrow();
            });
            auditLog.record(AuditRecord.of(caller, "summary.revoke", remoteAddress)
                    .about("summary", summaryId)
                    .withDetail(linkId == null ? "{\"links\":\"all\"}" : "{\"linkId\":" + linkId + "}"));
            return after;
        } catch (SQLException e) {
            throw new IllegalStateException("The links could not be withdrawn: " + e.getMessage(), e);
        }
    }

    private Optional<SentSummaryView> one(Connection c, long summaryId) throws SQLException {
        try (PreparedStatement query = c.prepareStatement(SUMMARIES + " WHERE p.run_item_id = ?")) {
            query.setLong(1, summaryId);
            try (ResultSet row = query.executeQuery()) {
                return row.next()
                        ? Optional.of(withLinks(c, List.of(summary(row))).get(0))
                        : Optional.empty();
            }
        }
    }

    /** A summary as its row says, without its links yet. */
    private static SentSummaryView summary(ResultSet row) throws SQLException {
        return new SentSummaryView(
                row.getLong(1),
                row.getLong(2),
                row.getString(3),
                row.getString(4),
                row.getString(5),
                row.getObject(6, LocalDate.class),
                row.getObject(7, LocalDate.class),
                Jdbc.instant(row, "rendered_at"),
                List.of());
    }

    /** The same summaries with every recipient's link, read in one query. */
    private List<SentSummaryView> withLinks(Connection c, List<SentSummaryView> summaries) throws SQLException {
        if (summaries.isEmpty()) {
            return summaries;
        }
        Instant now = clock.instant();
        Map<Long, List<SentSummaryView.Link>> links = new HashMap<>();
        String marks = String.join(", ", Collections.nCopies(summaries.size(), "?"));
        try (PreparedStatement query = c.prepareStatement("SELECT run_item_id, id, recipient, status, link_expires_at,"
                + " link_revoked_at, link_revoked_by, link_opened_at, link_opens FROM delivery WHERE run_item_id IN ("
                + marks + ") ORDER BY id")) {
            for (int i = 0; i < summaries.size(); i++) {
                query.setLong(i + 1, summaries.get(i).id());
            }
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    Instant expires = Jdbc.instant(row, "link_expires_at");
                    Instant revoked = Jdbc.instant(row, "link_revoked_at");
                    String state = revoked != null
                            ? "WITHDRAWN"
                            : expires == null ? "NOT_SENT" : expires.isAfter(now) ? "ACTIVE" : "EXPIRED";
                    links.computeIfAbsent(row.getLong("run_item_id"), id -> new ArrayList<>())
                            .add(new SentSummaryView.Link(
                                    row.getLong("id"),
                                    row.getString("recipient"),
                                    row.getString("status"),
                                    expires,
                                    revoked,
                                    row.getString("link_revoked_by"),
                                    Jdbc.instant(row, "link_opened_at"),
                                    row.getInt("link_opens"),
                                    state));
                }
            }
        }
        return summaries.stream()
                .map(s -> new SentSummaryView(
                        s.id(),
                        s.runId(),
                        s.trigger(),
                        s.audience(),
                        s.title(),
                        s.periodFrom(),
                        s.periodTo(),
                        s.madeAt(),
                        links.getOrDefault(s.id(), List.of())))
                .toList();
    }

    private void update(String sql, Instant now, long id) {
        try {
            Jdbc.inCallersTransaction(dataSource, c -> {
                try (PreparedStatement update = c.prepareStatement(sql)) {
                    Jdbc.setInstant(update, 1, now);
                    update.setLong(2, id);
                    return update.executeUpdate();
                }
            });
        } catch (SQLException e) {
            throw new IllegalStateException("The link's opening could not be counted: " + e.getMessage(), e);
        }
    }

    // --- settings

    /** Every 7 days, every 14, or the first send day of each month for 30; from today in the zone. */
    static Recurrence timetable(SummarySettings settings, Instant now) {
        ZoneId zone = ZoneId.of(settings.getTimeZone());
        Recurrence recurrence = new Recurrence()
                .setTimeZone(settings.getTimeZone())
                .setRunFrom(now.atZone(zone).toLocalDate())
                .setFrequency(DailyFrequencyType.ONCE)
                .setAt(settings.getSendTime())
                .setMisfirePolicy(MisfirePolicy.RUN_ONCE);
        if (settings.getPeriodDays() == 30) {
            return recurrence
                    .setOccurs(OccursType.MONTHLY_WEEKDAY)
                    .setEvery(1)
                    .setOrdinal(WeekOrdinal.FIRST)
                    .setWeekday(settings.getSendDay());
        }
        return recurrence
                .setOccurs(OccursType.WEEKLY)
                .setEvery(settings.getPeriodDays() / 7)
                .setDays(EnumSet.of(settings.getSendDay()));
    }

    private List<String> recipients(List<String> entries, String field, ValidationException.Builder problems) {
        List<String> addresses = EmailAddresses.split(entries);
        return addresses.isEmpty() ? List.of() : EmailAddresses.check(addresses, field, problems);
    }

    private SummarySettingsView view(SummarySettings s) {
        Schedule schedule = s.getSchedule();
        List<Instant> next = new ArrayList<>();
        if (schedule.isEnabled() && schedule.getNextRunAt() != null) {
            next.add(schedule.getNextRunAt());
            next.addAll(NextRunCalculator.of(schedule.getRecurrence()).next(schedule.getNextRunAt(), NEXT_SENDS - 1));
        }
        return new SummarySettingsView(
                s.isEnabled(),
                s.getOrganisationName(),
                s.getOwnerEmails(),
                s.getManagerEmails(),
                s.getPeriodDays(),
                s.getSendDay().name(),
                s.getSendTime().toString(),
                s.getTimeZone(),
                next,
                s.getUpdatedAt(),
                s.getVersion());
    }

    private Optional<UserAccount> caller() {
        return em.createNamedQuery(UserAccount.BY_USERNAME, UserAccount.class)
                .setParameter("username", callerName())
                .getResultStream()
                .findFirst();
    }

    private String callerName() {
        return session.getCallerPrincipal().getName();
    }
}
