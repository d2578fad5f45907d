package dev.herald.schedules.control;

import dev.herald.platform.boundary.AcceptedDates;
import dev.herald.platform.boundary.ValidationException;
import dev.herald.platform.control.EmailAddresses;
import dev.herald.rendering.entity.CsvDelimiter;
import dev.herald.rendering.entity.FileFormat;
import dev.herald.reports.control.ReportSpecs;
import dev.herald.reports.entity.CriteriaSet;
import dev.herald.reports.entity.ReportDefinition;
import dev.herald.schedules.boundary.DailyFrequencyInput;
import dev.herald.schedules.boundary.OccursInput;
import dev.herald.schedules.boundary.RecurrenceInput;
import dev.herald.schedules.boundary.ScheduleInput;
import dev.herald.schedules.boundary.ScheduledReportInput;
import dev.herald.schedules.entity.DailyFrequencyType;
import dev.herald.schedules.entity.DeliverAs;
import dev.herald.schedules.entity.MisfirePolicy;
import dev.herald.schedules.entity.OccursType;
import dev.herald.schedules.entity.Recurrence;
import dev.herald.schedules.entity.ScheduledReport;
import dev.herald.schedules.entity.WeekOrdinal;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a schedule as people and systems send it into values Herald can store, or says, field by
 * field, everything that is wrong with it. The field names are the API's JSON paths
 * ({@code recurrence.runUntil}, {@code items[0].recipients}); the console shows each message on its
 * field. Plain Java with the catalog passed in, so it is tested without a server.
 */
public final class ScheduleValidator {

    public static final int MAX_NAME = 200;
    public static final int MAX_DESCRIPTION = 2000;
    public static final int MAX_ITEMS = 50;
    public static final int MIN_MINUTES = 5;
    public static final int MAX_MINUTES = 720;
    public static final int MAX_EVERY = 99;

    private static final Pattern HH_MM = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");
    private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();

    /** What the validator needs to know about the catalog. */
    public interface Catalog {
        Optional<ReportDefinition> report(String key);

        Optional<CriteriaSet> criteriaSet(long id);

        /**
         * Checks an item's criteria against its report's parameters, adding each problem on
         * {@code field}.name; answers the criteria as they will be kept.
         */
        default String checkCriteria(
                ReportDefinition report, String criteria, String field, ValidationException.Builder errors) {
            return criteria;
        }

        /** True when a scope kind of this key is declared. */
        default boolean scopeKindExists(String kind) {
            return false;
        }

        /** The addresses among these whose accounts hold a value of one of these scope kinds. */
        default List<String> limitedRecipients(List<String> emails, Set<String> kinds) {
            return List.of();
        }
    }

    /** A schedule ready to store. */
    public record Valid(
            String name,
            String description,
            boolean enabled,
            boolean runOnDemand,
            boolean runAsSchedule,
            Recurrence recurrence,
            List<ValidItem> items) {}

    /** One report of a schedule, ready to store. */
    public record ValidItem(
            Long id,
            ReportDefinition report,
            CriteriaSet criteriaSet,
            String criteria,
            String displayName,
            List<String> recipients,
            String subject,
            DeliverAs deliverAs,
            FileFormat format,
            CsvDelimiter csvDelimiter,
            boolean skipWhenEmpty,
            boolean perRecipient,
            String recipientScopeKind) {}

    private final Catalog catalog;
    private final Clock clock;

    public ScheduleValidator(Catalog catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    public Valid validate(ScheduleInput input) {
        ValidationException.Builder errors = ValidationException.builder();
        if (input == null) {
            errors.add("", "Send the schedule as a JSON object.").throwIfAny();
        }
        String name = text(input.name());
        if (name == null) {
            errors.add("name", "Give the schedule a name.");
        } else if (name.length() > MAX_NAME) {
            errors.add("name", "A name has at most " + MAX_NAME + " characters.");
        } else if (name.chars().anyMatch(Character::isISOControl)) {
            errors.add("name", "A name cannot contain control characters such as line breaks.");
        }
        String description = text(input.description());
        if (description != null && description.length() > MAX_DESCRIPTION) {
            errors.add("description", "A description has at most " + MAX_DESCRIPTION + " characters.");
        }
        boolean onDemand = Boolean.TRUE.equals(input.runOnDemand());
        boolean asSchedule = Boolean.TRUE.equals(input.runAsSchedule());
        if (!onDemand && !asSchedule) {
            errors.add("runAsSchedule", "Choose Run on demand, Run as schedule, or both.");
        }
        Recurrence recurrence = null;
        if (asSchedule) {
            if (input.recurrence() == null) {
                errors.add("recurrence", "A schedule that runs as a schedule needs its timetable.");
            } else {
                recurrence = recurrence(input.recurrence(), name, "recurrence", errors);
            }
        }
        List<ValidItem> items = items(input.items(), errors);
        errors.throwIfAny();
        boolean enabled = input.enabled() == null || input.enabled();
        return new Valid(name, description, enabled, onDemand, asSchedule, recurrence, items);
    }

    /** A timetable on its own, for previews; {@code scheduleName} picks the BEFORE_8AM minute. */
    public Recurrence recurrence(RecurrenceInput input, String scheduleName) {
        ValidationException.Builder errors = ValidationException.builder();
        if (input == null) {
            errors.add("recurrence", "Send the timetable as recurrence.");
        }
        errors.throwIfAny();
        Recurrence recurrence = recurrence(input, scheduleName, "recurrence", errors);
        errors.throwIfAny();
        return recurrence;
    }

    private Recurrence recurrence(
            RecurrenceInput input, String scheduleName, String path, ValidationException.Builder errors) {
        int before = errors.size();
        Recurrence r = new Recurrence();
        String zone = text(input.timeZone());
        ZoneId zoneId = null;
        if (zone == null) {
            errors.add(path + ".timeZone", "Choose a time zone, such as Europe/London.");
        } else if (!ZONES.contains(zone)) {
            errors.add(
                    path + ".timeZone",
                    "Unknown time zone '" + zone + "'; use an IANA name such as Europe/London or America/New_York.");
        } else {
            zoneId = ZoneId.of(zone);
            r.setTimeZone(zone);
        }
        LocalDate runFrom = date(input.runFrom(), path + ".runFrom", errors);
        if (text(input.runFrom()) == null && zoneId != null) {
            runFrom = LocalDate.now(clock.withZone(zoneId));
        }
        r.setRunFrom(runFrom);
        LocalDate runUntil = date(input.runUntil(), path + ".runUntil", errors);
        if (runFrom != null && runUntil != null && runUntil.isBefore(runFrom)) {
            errors.add(path + ".runUntil", "Run until (" + runUntil + ") is before run from (" + runFrom + ").");
        }
        r.setRunUntil(runUntil);
        occurs(input.occurs(), r, path + ".occurs", errors);
        dailyFrequency(input.dailyFrequency(), r, scheduleName, path + ".dailyFrequency", errors);
        r.setMisfirePolicy(errors.enumValue(
                MisfirePolicy.class, input.misfirePolicy(), path + ".misfirePolicy", MisfirePolicy.RUN_ONCE));
        if (errors.size() == before
                && runUntil != null
                && NextRunCalculator.of(r).first().isEmpty()) {
            errors.add(
                    path + ".runUntil",
                    "No run falls between run from (" + runFrom + ") and run until (" + runUntil + ").");
        }
        return r;
    }

    private static void occurs(OccursInput input, Recurrence r, String path, ValidationException.Builder errors) {
        if (input == null) {
            errors.add(path, "Choose how often the schedule occurs: DAILY, WEEKLY, MONTHLY_DAY or MONTHLY_WEEKDAY.");
            return;
        }
        OccursType type = errors.enumValue(OccursType.class, input.type(), path + ".type", null);
        if (type == null && text(input.type()) == null) {
            errors.add(path + ".type", "Choose DAILY, WEEKLY, MONTHLY_DAY or MONTHLY_WEEKDAY.");
        }
        r.setOccurs(type);
        int every = input.every() == null ? 1 : input.every();
        if (every < 1 || every > MAX_EVERY) {
            errors.add(path + ".every", "Recurs every must be between 1 and " + MAX_EVERY + ".");
        }
        r.setEvery(every);
        if (type == OccursType.WEEKLY) {
            EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            for (String day : input.days() == null ? List.<String>of() : input.days()) {
                DayOfWeek weekday = errors.enumValue(DayOfWeek.class, day, path + ".days", null);
                if (weekday != null) {
                    days.add(weekday);
                }
            }
            if (days.isEmpty()) {
                errors.add(path + ".days", "Choose at least one weekday, MONDAY to SUNDAY.");
            }
            r.setDays(days);
        } else if (type == OccursType.MONTHLY_DAY) {
            r.setMonthDay(monthDay(input.day(), path + ".day", errors));
        } else if (type == OccursType.MONTHLY_WEEKDAY) {
            WeekOrdinal ordinal = errors.enumValue(WeekOrdinal.class, input.ordinal(), path + ".ordinal", null);
            DayOfWeek weekday = errors.enumValue(DayOfWeek.class, input.weekday(), path + ".weekday", null);
            if (ordinal == null && text(input.ordinal()) == null) {
                errors.add(path + ".ordinal", "Choose FIRST, SECOND, THIRD, FOURTH or LAST.");
            }
            if (weekday == null && text(input.weekday()) == null) {
                errors.add(path + ".weekday", "Choose a weekday, MONDAY to SUNDAY.");
            }
            r.setOrdinal(ordinal).setWeekday(weekday);
        }
    }

    private static Integer monthDay(JsonValue day, String path, ValidationException.Builder errors) {
        if (day == null || day.getValueType() == JsonValue.ValueType.NULL) {
            errors.add(path, "Choose a day of the month, 1 to 31, or LAST.");
            return null;
        }
        if (day instanceof JsonString text
                && "LAST".equalsIgnoreCase(text.getString().strip())) {
            return Recurrence.LAST_DAY;
        }
        Integer number = null;
        if (day instanceof JsonNumber json && json.isIntegral()) {
            number = json.intValue();
        } else if (day instanceof JsonString text && text.getString().strip().matches("\\d{1,2}")) {
            number = Integer.valueOf(text.getString().strip());
        }
        if (number == null || number < 1 || number > 31) {
            errors.add(path, "The day of the month is 1 to 31, or LAST.");
            return null;
        }
        return number;
    }

    private static void dailyFrequency(
            DailyFrequencyInput input,
            Recurrence r,
            String scheduleName,
            String path,
            ValidationException.Builder errors) {
        if (input == null) {
            errors.add(path, "Choose when on each day the schedule runs: ONCE, EVERY or BEFORE_8AM.");
            return;
        }
        DailyFrequencyType type = errors.enumValue(DailyFrequencyType.class, input.type(), path + ".type", null);
        if (type == null && text(input.type()) == null) {
            errors.add(path + ".type", "Choose ONCE, EVERY or BEFORE_8AM.");
        }
        r.setFrequency(type);
        if (type == DailyFrequencyType.ONCE) {
            r.setAt(time(input.at(), path + ".at", true, errors));
        } else if (type == DailyFrequencyType.BEFORE_8AM) {
            r.setAt(DailyTimes.before8am(scheduleName));
        } else if (type == DailyFrequencyType.EVERY) {
            Integer minutes = input.minutes();
            if (minutes == null || minutes < MIN_MINUTES || minutes > MAX_MINUTES) {
                errors.add(
                        path + ".minutes",
                        "Runs every must be between " + MIN_MINUTES + " and " + MAX_MINUTES + " minutes.");
            }
            LocalTime from = time(input.from(), path + ".from", true, errors);
            LocalTime until = time(input.until(), path + ".until", true, errors);
            if (from != null && until != null && until.isBefore(from)) {
                errors.add(
                        path + ".until",
                        "The end time (" + until + ") is before the start time (" + from
                                + "); the window lies within one day.");
            }
            r.setMinutes(minutes).setWindowFrom(from).setWindowUntil(until);
        }
    }

    private List<ValidItem> items(List<ScheduledReportInput> inputs, ValidationException.Builder errors) {
        List<ValidItem> items = new ArrayList<>();
        if (inputs == null || inputs.isEmpty()) {
            errors.add("items", "Add at least one report.");
            return items;
        }
        if (inputs.size() > MAX_ITEMS) {
            errors.add("items", "A schedule holds at most " + MAX_ITEMS + " reports.");
            return items;
        }
        for (int i = 0; i < inputs.size(); i++) {
            ValidItem item = item(inputs.get(i), "items[" + i + "]", errors);
            if (item != null) {
                items.add(item);
            }
        }
        return items;
    }

    private ValidItem item(ScheduledReportInput input, String path, ValidationException.Builder errors) {
        if (input == null) {
            errors.add(path, "This report is empty.");
            return null;
        }
        int before = errors.size();
        ReportDefinition report = null;
        String key = text(input.reportKey());
        if (key == null) {
            errors.add(path + ".reportKey", "Choose a report.");
        } else {
            report = catalog.report(key).orElse(null);
            if (report == null) {
                errors.add(path + ".reportKey", "There is no report '" + key + "'.");
            }
        }
        // Without a criteria set the item has criteria of its own: the ones given (kept by a schedule
        // whose set was deleted since), or none, which leaves each parameter at the report's default.
        CriteriaSet criteriaSet = null;
        if (input.criteriaSetId() != null) {
            criteriaSet = catalog.criteriaSet(input.criteriaSetId()).orElse(null);
            if (criteriaSet == null) {
                errors.add(path + ".criteriaSetId", "There is no criteria set " + input.criteriaSetId() + ".");
            } else if (report != null && !criteriaSet.getReport().getId().equals(report.getId())) {
                errors.add(
                        path + ".criteriaSetId",
                        "Criteria set '" + criteriaSet.getName() + "' belongs to another report.");
            }
        }
        String displayName = text(input.displayName());
        if (displayName == null && report != null) {
            displayName = report.getName();
        }
        if (displayName != null && displayName.length() > MAX_NAME) {
            errors.add(path + ".displayName", "A name has at most " + MAX_NAME + " characters.");
        }
        // Sent to every account holding a value of a kind, an item lists no recipients of its own.
        String recipientKind = text(input.recipientScopeKind());
        boolean noneListed = input.recipients() == null
                || input.recipients().stream().allMatch(recipient -> recipient == null || recipient.isBlank());
        List<String> recipients = recipientKind != null && noneListed
                ? List.of()
                : EmailAddresses.check(input.recipients(), path + ".recipients", errors);
        String subject = text(input.subject());
        if (subject == null) {
            subject = ScheduledReport.DEFAULT_SUBJECT;
        }
        if (subject.length() > 300) {
            errors.add(path + ".subject", "A subject has at most 300 characters.");
        }
        SubjectTemplate.problems(subject).forEach(problem -> errors.add(path + ".subject", problem));
        DeliverAs deliverAs =
                errors.enumValue(DeliverAs.class, input.deliverAs(), path + ".deliverAs", DeliverAs.ATTACHMENT);
        FileFormat format = errors.enumValue(FileFormat.class, input.format(), path + ".format", FileFormat.PDF);
        CsvDelimiter delimiter =
                errors.enumValue(CsvDelimiter.class, input.csvDelimiter(), path + ".csvDelimiter", CsvDelimiter.COMMA);
        String criteria = criteriaSet != null
                ? criteria(input.criteria(), criteriaSet)
                : input.criteria() != null ? input.criteria().toString() : "{}";
        if (report != null) {
            criteria = catalog.checkCriteria(report, criteria, path + ".criteria", errors);
        }
        boolean perRecipient = Boolean.TRUE.equals(input.perRecipient());
        Set<String> bound = report == null ? Set.of() : ReportSpecs.boundKinds(report.getParametersJson());
        if (perRecipient && report != null && bound.isEmpty()) {
            errors.add(
                    path + ".perRecipient",
                    "'" + report.getName() + "' has no parameter filled from the recipient, so every recipient would"
                            + " get the same file: send it once to all of them instead.");
        }
        if (recipientKind != null) {
            if (!perRecipient) {
                errors.add(
                        path + ".recipientScopeKind",
                        "Sending to every account of a kind needs the item made per recipient.");
            } else if (!catalog.scopeKindExists(recipientKind)) {
                errors.add(path + ".recipientScopeKind", "There is no scope kind called " + recipientKind + ".");
            } else if (!recipients.isEmpty()) {
                errors.add(
                        path + ".recipients",
                        "Either list the recipients or send to every account holding a " + recipientKind
                                + " value, not both.");
            }
        }
        if (!perRecipient && !bound.isEmpty() && !recipients.isEmpty()) {
            List<String> limited = catalog.limitedRecipients(recipients, bound);
            if (!limited.isEmpty()) {
                errors.add(
                        path + ".recipients",
                        String.join(", ", limited) + (limited.size() == 1 ? " is" : " are")
                                + " limited to their own " + String.join(", ", bound) + " values, and a file made once"
                                + " for everyone would show them everybody's rows: make the item per recipient.");
            }
        }
        if (errors.size() > before) {
            return null;
        }
        return new ValidItem(
                input.id(),
                report,
                criteriaSet,
                criteria,
                displayName,
                recipients,
                subject,
                deliverAs,
                format,
                delimiter,
                Boolean.TRUE.equals(input.skipWhenEmpty()),
                perRecipient,
                perRecipient ? recipientKind : null);
    }

    /** The item's criteria: its own when given, else a copy of the criteria set's. */
    private static String criteria(JsonObject given, CriteriaSet criteriaSet) {
        if (given != null) {
            return given.toString();
        }
        try (JsonReader reader = Json.createReader(new StringReader(criteriaSet.getCriteria()))) {
            return reader.readObject().toString();
        }
    }

    private static LocalDate date(String value, String path, ValidationException.Builder errors) {
        String text = text(value);
        if (text == null) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(path, "'" + text + "' is not a date; write it like 2026-03-01.");
            return null;
        }
        return AcceptedDates.check(date, path, errors) ? date : null;
    }

    private static LocalTime time(String value, String path, boolean required, ValidationException.Builder errors) {
        String text = text(value);
        if (text == null) {
            if (required) {
                errors.add(path, "Give a time, such as 10:00.");
            }
            return null;
        }
        if (!HH_MM.matcher(text).matches()) {
            errors.add(path, "'" + text + "' is not a time; write it as HH:mm, such as 07:30.");
            return null;
        }
        try {
            return LocalTime.parse(text);
        } catch (DateTimeException e) {
            errors.add(path, "'" + text + "' is not a time; write it as HH:mm, such as 07:30.");
            return null;
        }
    }

    private static String text(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }
}
