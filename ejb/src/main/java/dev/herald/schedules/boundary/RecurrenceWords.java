package dev.herald.schedules.boundary;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A timetable in plain words, for people: "Every 2 weeks on Monday and Thursday at 08:00,
 * Europe/London, from 1 Dec 2026", and, when a series skips days, weeks or months, which one
 * counts first (SPEC.md, Recurrence: days count from run-from, week 0 holds run-from, months count
 * from run-from's month). It reads the {@link RecurrenceView} the console and the API already hold,
 * so it lives beside that record as plain Java; a half-typed timetable (a field still empty) gets
 * words for what is there rather than an error, because the wizard shows them while people type.
 */
public final class RecurrenceWords {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_DATE = DateTimeFormatter.ofPattern("EEEE d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

    private RecurrenceWords() {}

    /** One sentence: on which days, at which times, in which zone, from and until when. */
    public static String summary(RecurrenceView recurrence) {
        if (recurrence == null || recurrence.occurs() == null) {
            return "Not on a timetable";
        }
        StringBuilder words = new StringBuilder(days(recurrence.occurs()));
        String times = times(recurrence.dailyFrequency());
        if (!times.isEmpty()) {
            words.append(times.startsWith("every") ? ", " : " ").append(times);
        }
        if (recurrence.timeZone() != null && !recurrence.timeZone().isBlank()) {
            words.append(", ").append(recurrence.timeZone());
        }
        if (recurrence.runFrom() != null) {
            words.append(", from ").append(DATE.format(recurrence.runFrom()));
        }
        if (recurrence.runUntil() != null) {
            words.append(recurrence.runFrom() == null ? ", " : " ")
                    .append("until ")
                    .append(DATE.format(recurrence.runUntil()));
        }
        return words.toString();
    }

    /**
     * Which day, week or month the series counts from, when it skips some (every 2 or more); null
     * when every day, week or month runs, or when run-from is not known yet.
     */
    public static String anchor(RecurrenceView recurrence) {
        if (recurrence == null || recurrence.occurs() == null || recurrence.runFrom() == null) {
            return null;
        }
        OccursView occurs = recurrence.occurs();
        int every = occurs.every();
        if (every < 2 || occurs.type() == null) {
            return null;
        }
        LocalDate from = recurrence.runFrom();
        String nth = ordinal(every);
        return switch (occurs.type()) {
            case "DAILY" -> "Days count from " + DATE.format(from) + ": it runs that day, then every " + nth + " day.";
            case "WEEKLY" ->
                "Week 1 is the week of Monday "
                        + DATE.format(from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)))
                        + " (it holds the first day, " + DAY_DATE.format(from) + "); after that, every " + nth
                        + " week runs.";
            case "MONTHLY_DAY", "MONTHLY_WEEKDAY" ->
                "Months count from " + MONTH.format(from) + ": it runs that month, then every " + nth + " month.";
            default -> null;
        };
    }

    private static String days(OccursView occurs) {
        int every = occurs.every();
        String type = occurs.type() == null ? "" : occurs.type();
        return switch (type) {
            case "DAILY" -> every == 1 ? "Every day" : "Every " + every + " days";
            case "WEEKLY" ->
                (every == 1 ? "Every week" : "Every " + every + " weeks") + " on " + weekdays(occurs.days());
            case "MONTHLY_DAY" -> every(every) + " on " + monthDay(occurs.day());
            case "MONTHLY_WEEKDAY" ->
                every(every) + " on the "
                        + lower(occurs.ordinal() == null ? "first" : occurs.ordinal()) + " "
                        + weekday(occurs.weekday() == null ? "MONDAY" : occurs.weekday());
            default -> "On an unknown timetable";
        };
    }

    private static String every(int months) {
        return months == 1 ? "Every month" : "Every " + months + " months";
    }

    private static String weekdays(List<String> days) {
        if (days == null || days.isEmpty()) {
            return "no day yet (choose at least one)";
        }
        List<String> ordered = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            if (days.contains(day.name())) {
                ordered.add(weekday(day.name()));
            }
        }
        if (ordered.size() == 7) {
            return "every day of the week";
        }
        return list(ordered);
    }

    private static String monthDay(Object day) {
        if (day == null) {
            return "no day yet";
        }
        String text = day.toString().strip();
        if (text.equalsIgnoreCase("LAST") || text.equals("-1")) {
            return "the last day";
        }
        try {
            int number = Integer.parseInt(text);
            String words = "the " + ordinal(number);
            return number >= 29 ? words + " (the last day in shorter months)" : words;
        } catch (NumberFormatException e) {
            return "day " + text;
        }
    }

    private static String times(DailyFrequencyView frequency) {
        if (frequency == null || frequency.type() == null) {
            return "";
        }
        return switch (frequency.type()) {
            case "ONCE" -> frequency.at() == null ? "" : "at " + frequency.at();
            case "EVERY" ->
                minutes(frequency.minutes())
                        + (frequency.from() == null ? "" : " from " + frequency.from())
                        + (frequency.until() == null ? "" : " to " + frequency.until());
            case "BEFORE_8AM" ->
                frequency.at() == null
                        ? "before 08:00 (Herald picks a time between 05:00 and 07:00)"
                        : "at " + frequency.at() + " (picked by Herald, so that files arrive before 08:00)";
            default -> "";
        };
    }

    private static String minutes(Integer minutes) {
        if (minutes == null) {
            return "every few minutes";
        }
        if (minutes == 1) {
            return "every minute";
        }
        if (minutes % 60 == 0) {
            int hours = minutes / 60;
            return hours == 1 ? "every hour" : "every " + hours + " hours";
        }
        return "every " + minutes + " minutes";
    }

    private static String weekday(String constant) {
        String lower = lower(constant);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    private static String lower(String constant) {
        return constant.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** "Monday", "Monday and Thursday", "Monday, Wednesday and Friday". */
    static String list(List<String> words) {
        if (words.size() == 1) {
            return words.get(0);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " and " + words.get(words.size() - 1);
    }

    /** 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 22nd, 23rd, 31st. */
    static String ordinal(int number) {
        int lastTwo = number % 100;
        if (lastTwo >= 11 && lastTwo <= 13) {
            return number + "th";
        }
        return switch (number % 10) {
            case 1 -> number + "st";
            case 2 -> number + "nd";
            case 3 -> number + "rd";
            default -> number + "th";
        };
    }
}
