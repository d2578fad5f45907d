package dev.herald.schedules.console;

import dev.herald.access.boundary.UserInput;
import dev.herald.access.boundary.UserService;
import dev.herald.access.boundary.UserView;
import dev.herald.platform.boundary.ConflictException;
import dev.herald.platform.boundary.ExpectedVersion;
import dev.herald.platform.boundary.ForbiddenException;
import dev.herald.platform.boundary.NotFoundException;
import dev.herald.platform.boundary.StaleVersionException;
import dev.herald.platform.boundary.UnavailableException;
import dev.herald.platform.boundary.ValidationException;
import dev.herald.reports.boundary.CriteriaSetService;
import dev.herald.reports.boundary.CriteriaSetView;
import dev.herald.reports.boundary.ParameterView;
import dev.herald.reports.boundary.ReportCatalog;
import dev.herald.reports.boundary.ReportSummary;
import dev.herald.schedules.boundary.DailyFrequencyInput;
import dev.herald.schedules.boundary.DailyFrequencyView;
import dev.herald.schedules.boundary.OccursInput;
import dev.herald.schedules.boundary.OccursView;
import dev.herald.schedules.boundary.RecipientPreviewView;
import dev.herald.schedules.boundary.RecurrenceInput;
import dev.herald.schedules.boundary.RecurrenceView;
import dev.herald.schedules.boundary.RecurrenceWords;
import dev.herald.schedules.boundary.ScheduleInput;
import dev.herald.schedules.boundary.ScheduleService;
import dev.herald.schedules.boundary.ScheduleView;
import dev.herald.schedules.boundary.ScheduledReportInput;
import dev.herald.schedules.boundary.ScheduledReportView;
import dev.herald.schedules.boundary.WhoGetsWhatView;
import dev.herald.scopes.boundary.ScopeValueView;
import dev.herald.scopes.console.ScopeKindNames;
import dev.herald.settings.boundary.SettingsService;
import jakarta.ejb.EJBAccessException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Serializable;
import java.security.SecureRandom;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/**
 * The schedule editor, a wizard as the seed describes it: Basic Details (only the fields the choice
 * of "run as schedule" needs, with the next ten runs shown as they are typed), then Reports, each
 * added through a chooser (report and criteria set), its delivery details and its criteria. The
 * server validates on save; its messages land on the fields they name, and a report's on its row,
 * where they stay until that report is fixed. A report is also checked by the server when its
 * dialog is closed with OK, so most mistakes are shown in the dialog, on their fields.
 *
 * <p>Link recipients that no account has are named at save, next to their report, and the save
 * waits for a second press ("Save anyway"); "Create partner" makes a Collect Reports account for
 * such an address through {@link UserService#createPartner}, with the same checks, permission and
 * audit as the users page. Herald never mails or shows that account's password: it is random and
 * thrown away, and the partner sets one of their own through the portal's forgotten-password link.
 *
 * <p>A report with a parameter bound to a scope kind can be made once per recipient, each file with
 * that recipient's own values; its recipients are then the addresses typed or every account holding
 * a value of a chosen kind. "Who gets what" asks the server, with the dialog's item as it stands,
 * which recipients there are, their values and how many rows each would get now.
 */
@Named
@ViewScoped
public class ScheduleEditView implements Serializable {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern ITEM_PATH = Pattern.compile("items\\[(\\d+)]\\.?(.*)");
    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("name", "name"),
            Map.entry("description", "description"),
            Map.entry("runAsSchedule", "runAsSchedule"),
            Map.entry("recurrence.timeZone", "timeZone"),
            Map.entry("recurrence.runFrom", "runFrom"),
            Map.entry("recurrence.runUntil", "runUntil"),
            Map.entry("recurrence.occurs.type", "occursType"),
            Map.entry("recurrence.occurs.every", "every"),
            Map.entry("recurrence.occurs.days", "days"),
            Map.entry("recurrence.occurs.day", "monthDay"),
            Map.entry("recurrence.occurs.ordinal", "ordinal"),
            Map.entry("recurrence.occurs.weekday", "weekday"),
            Map.entry("recurrence.dailyFrequency.type", "frequencyType"),
            Map.entry("recurrence.dailyFrequency.at", "at"),
            Map.entry("recurrence.dailyFrequency.minutes", "minutes"),
            Map.entry("recurrence.dailyFrequency.from", "from"),
            Map.entry("recurrence.dailyFrequency.until", "until"),
            Map.entry("recurrence.misfirePolicy", "misfirePolicy"));

    /** The fields of the report dialog's details step, by the name the server gives them. */
    private static final Set<String> DETAIL_FIELDS = Set.of(
            "displayName",
            "recipients",
            "subject",
            "deliverAs",
            "format",
            "csvDelimiter",
            "perRecipient",
            "recipientScopeKind");

    @Inject
    ScheduleService schedules;

    @Inject
    ReportCatalog catalog;

    @Inject
    CriteriaSetService criteriaSets;

    @Inject
    SettingsService settings;

    @Inject
    UserService users;

    @Inject
    ScopeKindNames scopeKindNames;

    private Long id;
    private int step;
    private String name;
    private String description;
    private boolean runOnDemand;
    private boolean runAsSchedule = true;
    private Boolean enabled;
    /** The version this page opened (or last overwrote); saving is refused when the schedule has moved on. */
    private long version;
    /** The schedule's version when a save was refused because someone else changed it; null otherwise. */
    private Long changedVersion;

    private String timeZone;
    private LocalDate runFrom;
    private LocalDate runUntil;
    private String occursType = "DAILY";
    private int every = 1;
    private List<String> days = new ArrayList<>(List.of("MONDAY"));
    private String monthDay = "1";
    private String ordinal = "FIRST";
    private String weekday = "MONDAY";
    private String frequencyType = "ONCE";
    private String at = "10:00";
    private Integer minutes = 60;
    private String from = "08:00";
    private String until = "18:00";
    private String misfirePolicy = "RUN_ONCE";
    private List<Instant> nextRuns = List.of();
    private String previewProblem;
    private String recurrenceWords;
    private String recurrenceAnchor;
    private boolean accountlessConfirmed;

    private final List<ItemDraft> items = new ArrayList<>();
    private ItemDraft draft;
    private Integer editing;
    private int itemStep;
    private String reportQuery;
    private List<ReportSummary> reports = List.of();
    private List<CriteriaSetView> draftSets = List.of();
    private Long chosenSetId;
    /** The last "who gets what" answer for the report in the dialog (not kept across requests' serialisation). */
    private transient WhoGetsWhatView whoGetsWhat;

    /** Loads the schedule named by the id parameter, or sets up a new one. */
    public void load() throws IOException {
        if (id == null) {
            timeZone = settings.organisation().timeZone();
            runFrom = LocalDate.now(ZoneId.of(timeZone));
            refreshPreview();
            return;
        }
        ScheduleView schedule;
        try {
            schedule = schedules.get(id);
        } catch (NotFoundException e) {
            Faces.responseSendError(404, "There is no schedule " + id + ".");
            return;
        }
        version = schedule.version();
        name = schedule.name();
        description = schedule.description();
        runOnDemand = schedule.runOnDemand();
        runAsSchedule = schedule.runAsSchedule();
        enabled = schedule.enabled();
        RecurrenceView recurrence = schedule.recurrence();
        if (recurrence != null) {
            timeZone = recurrence.timeZone();
            runFrom = recurrence.runFrom();
            runUntil = recurrence.runUntil();
            misfirePolicy = recurrence.misfirePolicy();
            OccursView occurs = recurrence.occurs();
            occursType = occurs.type();
            every = occurs.every();
            days = occurs.days() == null ? new ArrayList<>() : new ArrayList<>(occurs.days());
            monthDay = occurs.day() == null ? "1" : occurs.day().toString();
            ordinal = occurs.ordinal() == null ? "FIRST" : occurs.ordinal();
            weekday = occurs.weekday() == null ? "MONDAY" : occurs.weekday();
            frequencyType = recurrence.dailyFrequency().type();
            at = recurrence.dailyFrequency().at() == null
                    ? "10:00"
                    : recurrence.dailyFrequency().at();
            minutes = recurrence.dailyFrequency().minutes() == null
                    ? 60
                    : recurrence.dailyFrequency().minutes();
            from = recurrence.dailyFrequency().from() == null
                    ? "08:00"
                    : recurrence.dailyFrequency().from();
            until = recurrence.dailyFrequency().until() == null
                    ? "18:00"
                    : recurrence.dailyFrequency().until();
        } else {
            timeZone = settings.organisation().timeZone();
            runFrom = LocalDate.now(ZoneId.of(timeZone));
        }
        for (ScheduledReportView item : schedule.items()) {
            ItemDraft draftOf = new ItemDraft();
            draftOf.setId(item.id());
            draftOf.setReportKey(item.reportKey());
            draftOf.setReportName(item.reportName());
            draftOf.setCriteriaSetId(item.criteriaSetId());
            draftOf.setDisplayName(item.displayName());
            draftOf.setRecipients(String.join(", ", item.recipients()));
            draftOf.setSubject(item.subject());
            draftOf.setDeliverAs(item.deliverAs());
            draftOf.setFormat(item.format());
            draftOf.setCsvDelimiter(item.csvDelimiter());
            draftOf.setSkipWhenEmpty(item.skipWhenEmpty());
            draftOf.setBoundScopes(item.boundScopes());
            draftOf.setPerRecipient(item.perRecipient());
            draftOf.setRecipientScopeKind(item.recipientScopeKind());
            draftOf.setSendTo(item.recipientScopeKind() == null ? "LISTED" : "HOLDERS");
            draftOf.getCriteria().fill(catalog.get(item.reportKey()).parameters(), item.criteria());
            items.add(draftOf);
        }
        refreshPreview();
    }

    /** The next ten runs of the timetable as it stands in the form; a problem instead when it has one. */
    public void refreshPreview() {
        if (!runAsSchedule) {
            nextRuns = List.of();
            previewProblem = null;
            recurrenceWords = null;
            recurrenceAnchor = null;
            return;
        }
        RecurrenceView asTyped = recurrenceAsTyped();
        recurrenceWords = RecurrenceWords.summary(asTyped);
        recurrenceAnchor = RecurrenceWords.anchor(asTyped);
        try {
            nextRuns = schedules.preview(recurrence(), name, null, 10).occurrences();
            previewProblem = nextRuns.isEmpty() ? "This timetable has no run after today." : null;
        } catch (ValidationException e) {
            nextRuns = List.of();
            previewProblem = e.errors().stream()
                    .map(ValidationException.FieldError::message)
                    .distinct()
                    .collect(Collectors.joining(" "));
        }
    }

    public void next() {
        if (!runOnDemand && !runAsSchedule) {
            Messages.addError("editor:runAsSchedule", "Choose run as schedule, run on demand, or both.");
            Faces.validationFailed();
            return;
        }
        step = 1;
    }

    public void back() {
        step = 0;
    }

    public void addReport() {
        whoGetsWhat = null;
        draft = new ItemDraft();
        editing = null;
        itemStep = 0;
        reportQuery = null;
        draftSets = List.of();
        chosenSetId = null;
        searchReports();
    }

    public void editItem(int index) {
        whoGetsWhat = null;
        draft = items.get(index).copy();
        editing = index;
        itemStep = 1;
        draftSets = criteriaSets.list(draft.getReportKey());
        chosenSetId = draft.getCriteriaSetId();
    }

    public void removeItem(int index) {
        ItemDraft removed = items.remove(index);
        Messages.addGlobalInfo("{0} is taken out; save the schedule to keep that.", removed.getDisplayName());
    }

    public void searchReports() {
        reports = catalog.search(reportQuery, 0, 200).items();
    }

    /** The plus of a report in the chooser: its criteria sets are offered next. */
    public void pickReport(ReportSummary report) {
        draft.setReportKey(report.key());
        draft.setReportName(report.name());
        draftSets = criteriaSets.list(report.key());
        chosenSetId = draftSets.isEmpty() ? null : draftSets.get(0).id();
    }

    public void toDetails() {
        if (draft.getReportKey() == null) {
            Messages.addGlobalError("Pick a report with its plus button first.");
            Faces.validationFailed();
            return;
        }
        CriteriaSetView set = draftSets.stream()
                .filter(s -> s.id() == (chosenSetId == null ? -1 : chosenSetId))
                .findFirst()
                .orElse(null);
        draft.setCriteriaSetId(set == null ? null : set.id());
        List<ParameterView> parameters = catalog.get(draft.getReportKey()).parameters();
        draft.getCriteria().fill(parameters, set == null ? null : set.criteria());
        draft.setBoundScopes(parameters.stream()
                .map(ParameterView::scope)
                .filter(scope -> scope != null)
                .distinct()
                .toList());
        if (!draft.isBound()) {
            draft.setPerRecipient(false);
            draft.setRecipientScopeKind(null);
            draft.setSendTo("LISTED");
        }
        whoGetsWhat = null;
        if (draft.getDisplayName() == null || draft.getDisplayName().isBlank()) {
            draft.setDisplayName(draft.getReportName());
        }
        itemStep = 1;
    }

    public void toCriteria() {
        itemStep = 2;
    }

    /** The per-recipient switch or the choice of recipients changed: the last answer no longer holds. */
    public void recipientsChanged() {
        whoGetsWhat = null;
        if (draft.isToHolders()
                && draft.getRecipientScopeKind() == null
                && !draft.getBoundScopes().isEmpty()) {
            draft.setRecipientScopeKind(draft.getBoundScopes().get(0));
        }
    }

    /**
     * Who gets what from the report in the dialog, as it stands: its recipients, each with their
     * values and rows now, or why nothing would be made for them. The server's findings on the item
     * land on their fields; a lookup or count that cannot be made is said above them.
     */
    public void showWhoGetsWhat() {
        whoGetsWhat = null;
        try {
            whoGetsWhat = schedules.whoGetsWhat(inputOf(draft));
        } catch (ValidationException e) {
            for (ValidationException.FieldError problem : e.errors()) {
                String field = problem.field().replaceFirst("^items\\[0]\\.?", "");
                if (DETAIL_FIELDS.contains(field)) {
                    Messages.addError("item:" + field, problem.message());
                } else {
                    Messages.addGlobalError(problem.message());
                }
            }
            Faces.validationFailed();
        } catch (UnavailableException e) {
            Messages.addGlobalError(e.getMessage());
            Faces.validationFailed();
        }
    }

    /** "3 recipients in all." or "812 recipients in all, the first 200 shown, rows counted for the first 25." */
    public String getWhoGetsWhatCount() {
        return whoGetsWhat == null
                ? ""
                : countLine(whoGetsWhat.total(), whoGetsWhat.recipients().size());
    }

    /** The count line of Who gets what for this many recipients in all and shown. */
    static String countLine(int total, int shown) {
        StringBuilder line = new StringBuilder(total == 1 ? "1 recipient in all" : total + " recipients in all");
        if (shown < total) {
            line.append(", the first ").append(shown).append(" shown");
        }
        if (shown > WhoGetsWhatView.COUNTED) {
            line.append(", rows counted for the first ").append(WhoGetsWhatView.COUNTED);
        }
        return line.append('.').toString();
    }

    /** A recipient's values in words: "Company: Acme Ltd, Borealis Group". */
    public String valuesOf(RecipientPreviewView recipient) {
        List<String> parts = new ArrayList<>();
        recipient
                .scopes()
                .forEach((kind, values) -> parts.add(scopeKindNames.label(kind) + ": "
                        + values.stream().map(ScopeValueView::name).collect(Collectors.joining(", "))));
        return String.join("; ", parts);
    }

    /** What the item's "E-mail to" is, for the list of the schedule's reports. */
    public String recipientsOf(ItemDraft item) {
        if (item.isToHolders()) {
            return "Every account holding a " + scopeKindNames.lower(item.getRecipientScopeKind()) + " value";
        }
        return item.getRecipients();
    }

    public WhoGetsWhatView getWhoGetsWhat() {
        return whoGetsWhat;
    }

    public void itemBack() {
        itemStep = Math.max(0, itemStep - 1);
    }

    public void keepItem() {
        List<ValidationException.FieldError> problems = schedules.checkItem(inputOf(draft));
        if (!problems.isEmpty()) {
            showItemProblems(problems);
            return;
        }
        draft.getProblems().clear();
        draft.getWithoutAccount().clear();
        accountlessConfirmed = false;
        if (editing == null) {
            items.add(draft);
        } else {
            items.set(editing, draft);
        }
        Faces.getContext().getPartialViewContext().getEvalScripts().add("PF('itemDialog').hide()");
    }

    /**
     * The server's findings on the report in the dialog, each on its field: the dialog goes back to
     * the step holding the first field that is wrong, and criteria problems are listed above them.
     */
    private void showItemProblems(List<ValidationException.FieldError> problems) {
        int back = 2;
        for (ValidationException.FieldError problem : problems) {
            String field = problem.field().replaceFirst("^items\\[0]\\.?", "");
            if (DETAIL_FIELDS.contains(field)) {
                back = Math.min(back, 1);
                Messages.addError("item:" + field, problem.message());
            } else {
                if (field.equals("reportKey") || field.equals("criteriaSetId")) {
                    back = 0;
                }
                Messages.addGlobalError(problem.message());
            }
        }
        itemStep = back;
        if (back == 0) {
            reports = catalog.search(reportQuery, 0, 200).items();
        }
        Faces.validationFailed();
    }

    public String criteriaSummary(ItemDraft item) {
        return item.getCriteria().summary();
    }

    public void save() throws IOException {
        for (ItemDraft item : items) {
            item.getProblems().clear();
        }
        if (!accountlessConfirmed && findAccountless()) {
            Messages.addGlobalWarn("Some link recipients have no account, so they cannot open their links."
                    + " Create a partner for them, or press Save anyway.");
            Faces.validationFailed();
            return;
        }
        try {
            ScheduleInput input = input();
            ScheduleView saved = id == null
                    ? schedules.create(input, Faces.getRemoteAddr())
                    : schedules.update(id, input, ExpectedVersion.of(version), Faces.getRemoteAddr());
            Messages.addFlashGlobalInfo("{0} is saved.", saved.name());
            Faces.redirect(Faces.getRequestContextPath() + "/console/schedules.xhtml?saved=" + saved.id());
        } catch (ValidationException e) {
            showProblems(e);
        } catch (StaleVersionException e) {
            // Nothing typed is lost: the page keeps every field and report; the person chooses.
            changedVersion = e.currentVersion();
            Faces.validationFailed();
        } catch (NotFoundException e) {
            Messages.addGlobalError("This schedule was deleted by someone else since you opened it; nothing was saved."
                    + " Your changes are still on this page: copy what you need into a new schedule.");
            Faces.validationFailed();
        }
    }

    /**
     * "Overwrite with mine" after a refused save: saves this page's schedule over the version someone
     * else saved (the one the refusal named; a later change is refused again).
     */
    public void overwrite() throws IOException {
        if (changedVersion != null) {
            version = changedVersion;
            changedVersion = null;
        }
        save();
    }

    public boolean isChangedElsewhere() {
        return changedVersion != null;
    }

    /** "Save anyway": the link recipients without an account are known and meant. */
    public void saveAnyway() throws IOException {
        accountlessConfirmed = true;
        save();
    }

    /**
     * Marks each report's link recipients that no account has; true when there is one. Only links
     * need an account: an attachment reaches anyone.
     */
    private boolean findAccountless() {
        Set<String> links = new LinkedHashSet<>();
        for (ItemDraft item : items) {
            item.getWithoutAccount().clear();
            if ("LINK".equals(item.getDeliverAs())) {
                links.addAll(item.addresses());
            }
        }
        if (links.isEmpty() || links.size() > ScheduleService.MAX_ADDRESS_CHECK) {
            return false;
        }
        Set<String> without = new LinkedHashSet<>(schedules.addressesWithoutAccount(links));
        boolean any = false;
        for (ItemDraft item : items) {
            if ("LINK".equals(item.getDeliverAs())) {
                for (String address : item.addresses()) {
                    if (without.contains(address) && !item.getWithoutAccount().contains(address)) {
                        item.getWithoutAccount().add(address);
                        any = true;
                    }
                }
            }
        }
        return any;
    }

    /**
     * "Create partner" beside a link recipient without an account: a Collect Reports account whose
     * user name and e-mail are that address. Its password is random and never kept or shown; the
     * partner chooses one through the portal's forgotten-password link. Refused, with the reason,
     * when the caller may not create users or the address is not acceptable as a user name.
     */
    public void createPartner(String address) {
        try {
            UserView created = users.createPartner(
                    new UserInput(address, address, address, unusablePassword(), true, true, null),
                    Faces.getRemoteAddr());
            Messages.addGlobalInfo(
                    "{0} can now sign in to the partner portal once they have set a password with"
                            + " \"Forgotten your password?\" on its sign-in page. Herald sends them no password.",
                    created.username());
            for (ItemDraft item : items) {
                item.getWithoutAccount().removeIf(address::equalsIgnoreCase);
            }
        } catch (ValidationException e) {
            e.errors().forEach(error -> Messages.addGlobalError("{0}: {1}", address, error.message()));
        } catch (EJBAccessException | ForbiddenException e) {
            Messages.addGlobalError(
                    "You may not create accounts; ask someone with Manage Users to create a partner for {0}.", address);
        } catch (ConflictException e) {
            Messages.addGlobalError("{0}: {1}", address, e.getMessage());
        }
    }

    /** 48 random bytes: a password nobody knows, which only a reset replaces. */
    private static String unusablePassword() {
        byte[] bytes = new byte[48];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private void showProblems(ValidationException e) {
        boolean onFirstPage = false;
        for (ValidationException.FieldError error : e.errors()) {
            String field = FIELDS.get(error.field());
            Matcher item = ITEM_PATH.matcher(error.field());
            if (field != null) {
                Messages.addError("editor:" + field, error.message());
                onFirstPage = true;
            } else if (item.matches()) {
                int index = Integer.parseInt(item.group(1));
                String label = index < items.size() ? items.get(index).getDisplayName() : "Report " + (index + 1);
                if (index < items.size()) {
                    items.get(index).getProblems().add(error.message());
                }
                Messages.addGlobalError("{0}: {1}", label, error.message());
            } else {
                Messages.addGlobalError(error.message());
            }
        }
        if (onFirstPage) {
            step = 0;
        }
        Faces.validationFailed();
    }

    ScheduleInput input() {
        List<ScheduledReportInput> reportInputs = new ArrayList<>();
        for (ItemDraft item : items) {
            reportInputs.add(inputOf(item));
        }
        return new ScheduleInput(
                name,
                description,
                enabled,
                runOnDemand,
                runAsSchedule,
                runAsSchedule ? recurrence() : null,
                reportInputs);
    }

    private static ScheduledReportInput inputOf(ItemDraft item) {
        return new ScheduledReportInput(
                item.getId(),
                item.getReportKey(),
                item.getCriteriaSetId(),
                item.getCriteria().toJson(),
                item.getDisplayName(),
                item.isToHolders() || item.getRecipients() == null ? List.of() : List.of(item.getRecipients()),
                item.getSubject(),
                item.getDeliverAs(),
                item.getFormat(),
                item.getCsvDelimiter(),
                item.isSkipWhenEmpty(),
                item.isPerRecipient(),
                item.isToHolders() ? item.getRecipientScopeKind() : null);
    }

    /** The timetable as the form holds it, checked or not, for its summary in words. */
    private RecurrenceView recurrenceAsTyped() {
        Object day = "LAST".equals(monthDay) ? "LAST" : monthDay;
        return new RecurrenceView(
                timeZone,
                runFrom,
                runUntil,
                new OccursView(occursType, every, days, day, ordinal, weekday),
                new DailyFrequencyView(frequencyType, blankToNull(at), minutes, blankToNull(from), blankToNull(until)),
                misfirePolicy);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() || text.contains("_") ? null : text;
    }

    private RecurrenceInput recurrence() {
        JsonValue day = "LAST".equals(monthDay) ? Json.createValue("LAST") : number(monthDay);
        OccursInput occurs = new OccursInput(occursType, every, days, day, ordinal, weekday);
        DailyFrequencyInput frequency = new DailyFrequencyInput(frequencyType, at, minutes, from, until);
        return new RecurrenceInput(
                timeZone,
                runFrom == null ? null : runFrom.toString(),
                runUntil == null ? null : runUntil.toString(),
                occurs,
                frequency,
                misfirePolicy);
    }

    private static JsonValue number(String text) {
        try {
            return Json.createValue(Integer.parseInt(text.strip()));
        } catch (NumberFormatException | NullPointerException e) {
            return Json.createValue(text == null ? "" : text);
        }
    }

    public List<String> getWeekdays() {
        return Arrays.stream(DayOfWeek.values()).map(DayOfWeek::name).toList();
    }

    public List<String> getMonthDays() {
        List<String> choices = new ArrayList<>();
        for (int d = 1; d <= 31; d++) {
            choices.add(String.valueOf(d));
        }
        choices.add("LAST");
        return choices;
    }

    public String label(String constant) {
        if (constant == null) {
            return "";
        }
        String words = constant.replace('_', ' ').toLowerCase();
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    public boolean isEditingExisting() {
        return id != null;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public int getStep() {
        return step;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public boolean isRunOnDemand() {
        return runOnDemand;
    }

    public void setRunOnDemand(boolean runOnDemand) {
        this.runOnDemand = runOnDemand;
    }

    public boolean isRunAsSchedule() {
        return runAsSchedule;
    }

    public void setRunAsSchedule(boolean runAsSchedule) {
        this.runAsSchedule = runAsSchedule;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public LocalDate getRunFrom() {
        return runFrom;
    }

    public void setRunFrom(LocalDate runFrom) {
        this.runFrom = runFrom;
    }

    public LocalDate getRunUntil() {
        return runUntil;
    }

    public void setRunUntil(LocalDate runUntil) {
        this.runUntil = runUntil;
    }

    public String getOccursType() {
        return occursType;
    }

    public void setOccursType(String occursType) {
        this.occursType = occursType;
    }

    public int getEvery() {
        return every;
    }

    public void setEvery(int every) {
        this.every = every;
    }

    public List<String> getDays() {
        return days;
    }

    public void setDays(List<String> days) {
        this.days = days;
    }

    public String getMonthDay() {
        return monthDay;
    }

    public void setMonthDay(String monthDay) {
        this.monthDay = monthDay;
    }

    public String getOrdinal() {
        return ordinal;
    }

    public void setOrdinal(String ordinal) {
        this.ordinal = ordinal;
    }

    public String getWeekday() {
        return weekday;
    }

    public void setWeekday(String weekday) {
        this.weekday = weekday;
    }

    public String getFrequencyType() {
        return frequencyType;
    }

    public void setFrequencyType(String frequencyType) {
        this.frequencyType = frequencyType;
    }

    public String getAt() {
        return at;
    }

    public void setAt(String at) {
        this.at = at;
    }

    public Integer getMinutes() {
        return minutes;
    }

    public void setMinutes(Integer minutes) {
        this.minutes = minutes;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getUntil() {
        return until;
    }

    public void setUntil(String until) {
        this.until = until;
    }

    public String getMisfirePolicy() {
        return misfirePolicy;
    }

    public void setMisfirePolicy(String misfirePolicy) {
        this.misfirePolicy = misfirePolicy;
    }

    public List<Instant> getNextRuns() {
        return nextRuns;
    }

    public String getPreviewProblem() {
        return previewProblem;
    }

    public String getRecurrenceWords() {
        return recurrenceWords;
    }

    public String getRecurrenceAnchor() {
        return recurrenceAnchor;
    }

    public boolean isAccountlessPending() {
        return items.stream().anyMatch(item -> !item.getWithoutAccount().isEmpty());
    }

    public List<ItemDraft> getItems() {
        return items;
    }

    public ItemDraft getDraft() {
        return draft;
    }

    public int getItemStep() {
        return itemStep;
    }

    public String getReportQuery() {
        return reportQuery;
    }

    public void setReportQuery(String reportQuery) {
        this.reportQuery = reportQuery;
    }

    public List<ReportSummary> getReports() {
        return reports;
    }

    public List<CriteriaSetView> getDraftSets() {
        return draftSets;
    }

    public Long getChosenSetId() {
        return chosenSetId;
    }

    public void setChosenSetId(Long chosenSetId) {
        this.chosenSetId = chosenSetId;
    }
}
