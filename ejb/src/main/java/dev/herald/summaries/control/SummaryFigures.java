package dev.herald.summaries.control;

import dev.herald.summaries.control.Summary.Affinity;
import dev.herald.summaries.control.Summary.Audience;
import dev.herald.summaries.control.Summary.Automation;
import dev.herald.summaries.control.Summary.CategoryEscalation;
import dev.herald.summaries.control.Summary.CompanyRow;
import dev.herald.summaries.control.Summary.Compared;
import dev.herald.summaries.control.Summary.DailyCount;
import dev.herald.summaries.control.Summary.Desk;
import dev.herald.summaries.control.Summary.Escalations;
import dev.herald.summaries.control.Summary.FrustratedCustomer;
import dev.herald.summaries.control.Summary.LevelCount;
import dev.herald.summaries.control.Summary.Recurring;
import dev.herald.summaries.control.Summary.TechnicianRow;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Computes a summary from the tickets opened in the period and in the period before it. Every figure
 * is over the tickets opened in its period; "resolved" means resolved before the period ended, so a
 * summary made again later says the same. Plain Java over plain records: the unit tests check it
 * against figures worked out by hand.
 */
public final class SummaryFigures {

    /** A subject is recurring from this many tickets in one period. */
    static final int RECURRING_FROM = 3;

    private static final int LIST_LIMIT = 10;

    private SummaryFigures() {}

    public static Summary compute(
            Audience audience,
            String organisation,
            SummaryPeriod period,
            List<ServiceTicket> current,
            List<ServiceTicket> previous) {
        SummaryPeriod before = period.previous();
        Desk desk = new Desk(
                compared(current.size(), previous.size()),
                compared(
                        resolved(current, period).size(),
                        resolved(previous, before).size()),
                Compared.shares(
                        share(resolved(current, period).size(), current.size()),
                        share(resolved(previous, before).size(), previous.size())),
                compared(
                        current.size() - resolved(current, period).size(),
                        previous.size() - resolved(previous, before).size()),
                new Compared(averageFirstResponse(current), averageFirstResponse(previous)),
                new Compared(averageResolutionHours(current, period), averageResolutionHours(previous, before)));
        Summary.Sentiment sentiment = sentiment(current, previous);
        Automation automation = automation(current, previous, period, before);
        List<Recurring> recurring = recurring(current, previous);
        Escalations escalations = escalations(current, previous);
        Summary partial = new Summary(
                audience,
                organisation,
                period,
                desk,
                daily(current, previous, period),
                sentiment,
                automation,
                recurring,
                List.of(),
                List.of(),
                audience == Audience.MANAGER ? technicians(current, period) : List.of(),
                audience == Audience.MANAGER ? affinities(current) : List.of(),
                escalations,
                audience == Audience.MANAGER ? companies(current, period) : List.of());
        return new Summary(
                partial.audience(),
                partial.organisation(),
                partial.period(),
                partial.desk(),
                partial.daily(),
                partial.sentiment(),
                partial.automation(),
                partial.recurring(),
                SummaryRules.alerts(partial, current, period),
                SummaryRules.recommendations(partial, current, period),
                partial.technicians(),
                partial.affinities(),
                partial.escalations(),
                partial.companies());
    }

    // --- service desk

    static List<ServiceTicket> resolved(List<ServiceTicket> tickets, SummaryPeriod period) {
        Instant end = period.end();
        return tickets.stream().filter(t -> t.resolvedBy(end)).toList();
    }

    private static Double averageFirstResponse(List<ServiceTicket> tickets) {
        return average(tickets.stream()
                .filter(t -> t.firstResponseMinutes() != null)
                .map(t -> (double) t.firstResponseMinutes())
                .toList());
    }

    private static Double averageResolutionHours(List<ServiceTicket> tickets, SummaryPeriod period) {
        return average(resolved(tickets, period).stream()
                .filter(t -> t.resolutionMinutes() != null)
                .map(t -> t.resolutionMinutes() / 60.0)
                .toList());
    }

    private static List<DailyCount> daily(
            List<ServiceTicket> current, List<ServiceTicket> previous, SummaryPeriod period) {
        Map<LocalDate, Integer> now = countByDay(current, period);
        Map<LocalDate, Integer> before = countByDay(previous, period);
        List<DailyCount> days = new ArrayList<>();
        for (LocalDate day = period.from(); !day.isAfter(period.to()); day = day.plusDays(1)) {
            days.add(new DailyCount(
                    day, now.getOrDefault(day, 0), before.getOrDefault(day.minusDays(period.days()), 0)));
        }
        return days;
    }

    private static Map<LocalDate, Integer> countByDay(List<ServiceTicket> tickets, SummaryPeriod period) {
        Map<LocalDate, Integer> counts = new TreeMap<>();
        for (ServiceTicket ticket : tickets) {
            counts.merge(ticket.openedAt().atZone(period.zone()).toLocalDate(), 1, Integer::sum);
        }
        return counts;
    }

    // --- sentiment

    private static Summary.Sentiment sentiment(List<ServiceTicket> current, List<ServiceTicket> previous) {
        int positive = count(current, ServiceTicket::positive);
        int frustrated = count(current, ServiceTicket::frustrated);
        Map<String, List<ServiceTicket>> byCustomer = current.stream()
                .filter(ServiceTicket::frustrated)
                .collect(Collectors.groupingBy(ServiceTicket::customer, LinkedHashMap::new, Collectors.toList()));
        List<FrustratedCustomer> customers = byCustomer.values().stream()
                .map(tickets -> new FrustratedCustomer(
                        tickets.get(0).customer(),
                        tickets.get(0).company(),
                        tickets.size(),
                        tickets.stream()
                                .mapToDouble(ServiceTicket::sentiment)
                                .min()
                                .orElseThrow()))
                .sorted(Comparator.comparingInt(FrustratedCustomer::tickets)
                        .reversed()
                        .thenComparingDouble(FrustratedCustomer::lowestSentiment)
                        .thenComparing(FrustratedCustomer::name))
                .toList();
        return new Summary.Sentiment(
                positive,
                current.size() - positive - frustrated,
                frustrated,
                Compared.shares(
                        share(positive, current.size()),
                        share(count(previous, ServiceTicket::positive), previous.size())),
                compared(customers.size(), frustratedCustomers(previous)),
                limit(customers));
    }

    private static int frustratedCustomers(List<ServiceTicket> tickets) {
        return (int) tickets.stream()
                .filter(ServiceTicket::frustrated)
                .map(ServiceTicket::customer)
                .distinct()
                .count();
    }

    // --- automation

    private static Automation automation(
            List<ServiceTicket> current, List<ServiceTicket> previous, SummaryPeriod period, SummaryPeriod before) {
        int autoResolved = count(current, t -> t.automated() && t.resolvedBy(period.end()));
        int aiAssisted = count(current, t -> t.aiAssisted() && !t.automated());
        Set<String> automatable = new HashSet<>();
        for (ServiceTicket ticket : current) {
            if (ticket.automated()) {
                automatable.add(ticket.subject());
            }
        }
        for (ServiceTicket ticket : previous) {
            if (ticket.automated()) {
                automatable.add(ticket.subject());
            }
        }
        List<ServiceTicket> manual =
                current.stream().filter(t -> !t.automated()).toList();
        Map<String, Long> potentialBySubject = manual.stream()
                .filter(t -> automatable.contains(t.subject()))
                .collect(Collectors.groupingBy(ServiceTicket::subject, TreeMap::new, Collectors.counting()));
        int potential =
                potentialBySubject.values().stream().mapToInt(Long::intValue).sum();
        Map.Entry<String, Long> top = potentialBySubject.entrySet().stream()
                .max(Map.Entry.<String, Long>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .orElse(null);
        int autoBefore = count(previous, t -> t.automated() && t.resolvedBy(before.end()));
        int aiBefore = count(previous, t -> t.aiAssisted() && !t.automated());
        return new Automation(
                autoResolved,
                aiAssisted,
                manual.size(),
                potential,
                Compared.shares(share(autoResolved, current.size()), share(autoBefore, previous.size())),
                Compared.shares(share(aiAssisted, current.size()), share(aiBefore, previous.size())),
                current.isEmpty() ? 0 : (double) potential / current.size(),
                top == null ? null : top.getKey(),
                top == null ? 0 : top.getValue().intValue());
    }

    // --- patterns

    private static List<Recurring> recurring(List<ServiceTicket> current, List<ServiceTicket> previous) {
        Map<String, Long> now = countBy(current, ServiceTicket::subject);
        Map<String, Long> before = countBy(previous, ServiceTicket::subject);
        return limit(now.entrySet().stream()
                .filter(e -> e.getValue() >= RECURRING_FROM)
                .map(e -> new Recurring(
                        e.getKey(),
                        e.getValue().intValue(),
                        before.getOrDefault(e.getKey(), 0L).intValue()))
                .sorted(Comparator.comparingInt(Recurring::tickets).reversed().thenComparing(Recurring::subject))
                .toList());
    }

    // --- for managers

    private static List<TechnicianRow> technicians(List<ServiceTicket> current, SummaryPeriod period) {
        Map<String, List<ServiceTicket>> byTechnician = current.stream()
                .filter(t -> t.technician() != null)
                .collect(Collectors.groupingBy(ServiceTicket::technician, TreeMap::new, Collectors.toList()));
        return byTechnician.entrySet().stream()
                .map(e -> {
                    List<ServiceTicket> tickets = e.getValue();
                    int escalated = count(tickets, ServiceTicket::escalated);
                    return new TechnicianRow(
                            e.getKey(),
                            tickets.size(),
                            resolved(tickets, period).size(),
                            averageResolutionHours(tickets, period),
                            escalated,
                            (double) escalated / tickets.size());
                })
                .sorted(Comparator.comparingInt(TechnicianRow::resolved)
                        .reversed()
                        .thenComparing(TechnicianRow::technician))
                .toList();
    }

    /** Pairs of technician and company with at least two tickets, the most frequent first. */
    private static List<Affinity> affinities(List<ServiceTicket> current) {
        Map<String, Long> perTechnician =
                countBy(current.stream().filter(t -> t.technician() != null).toList(), ServiceTicket::technician);
        Map<List<String>, Long> pairs = current.stream()
                .filter(t -> t.technician() != null)
                .collect(Collectors.groupingBy(
                        t -> List.of(t.technician(), t.company()), LinkedHashMap::new, Collectors.counting()));
        return limit(pairs.entrySet().stream()
                .filter(e -> e.getValue() >= 2)
                .map(e -> new Affinity(
                        e.getKey().get(0),
                        e.getKey().get(1),
                        e.getValue().intValue(),
                        (double) e.getValue() / perTechnician.get(e.getKey().get(0))))
                .sorted(Comparator.comparingInt(Affinity::tickets)
                        .reversed()
                        .thenComparing(Comparator.comparingDouble(Affinity::shareOfTechnician)
                                .reversed())
                        .thenComparing(Affinity::technician)
                        .thenComparing(Affinity::company))
                .toList());
    }

    private static Escalations escalations(List<ServiceTicket> current, List<ServiceTicket> previous) {
        int escalated = count(current, ServiceTicket::escalated);
        int before = count(previous, ServiceTicket::escalated);
        Map<String, List<ServiceTicket>> byCategory = current.stream()
                .collect(Collectors.groupingBy(ServiceTicket::category, TreeMap::new, Collectors.toList()));
        List<CategoryEscalation> categories = byCategory.entrySet().stream()
                .map(e -> {
                    int up = count(e.getValue(), ServiceTicket::escalated);
                    return new CategoryEscalation(
                            e.getKey(),
                            e.getValue().size(),
                            up,
                            (double) up / e.getValue().size());
                })
                .filter(c -> c.escalated() > 0)
                .sorted(Comparator.comparingInt(CategoryEscalation::escalated)
                        .reversed()
                        .thenComparing(CategoryEscalation::category))
                .toList();
        Map<Integer, Long> levels = current.stream()
                .filter(ServiceTicket::escalated)
                .collect(Collectors.groupingBy(ServiceTicket::escalationLevel, TreeMap::new, Collectors.counting()));
        return new Escalations(
                compared(escalated, before),
                Compared.shares(share(escalated, current.size()), share(before, previous.size())),
                categories,
                levels.entrySet().stream()
                        .map(e -> new LevelCount(e.getKey(), e.getValue().intValue()))
                        .toList());
    }

    private static List<CompanyRow> companies(List<ServiceTicket> current, SummaryPeriod period) {
        Map<String, List<ServiceTicket>> byCompany = current.stream()
                .collect(Collectors.groupingBy(ServiceTicket::company, TreeMap::new, Collectors.toList()));
        return byCompany.entrySet().stream()
                .map(e -> {
                    List<ServiceTicket> tickets = e.getValue();
                    return new CompanyRow(
                            e.getKey(),
                            tickets.size(),
                            resolved(tickets, period).size(),
                            averageResolutionHours(tickets, period),
                            count(tickets, ServiceTicket::escalated),
                            (double) count(tickets, ServiceTicket::positive) / tickets.size(),
                            tickets.stream()
                                    .mapToDouble(ServiceTicket::sentiment)
                                    .average()
                                    .orElse(0));
                })
                .sorted(Comparator.comparingInt(CompanyRow::tickets).reversed().thenComparing(CompanyRow::company))
                .toList();
    }

    // --- arithmetic

    private static Compared compared(int now, int before) {
        return new Compared((double) now, (double) before);
    }

    private static Double share(int part, int whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    private static Double average(List<Double> values) {
        return values.isEmpty()
                ? null
                : values.stream().mapToDouble(Double::doubleValue).sum() / values.size();
    }

    static int count(List<ServiceTicket> tickets, Predicate<ServiceTicket> which) {
        return (int) tickets.stream().filter(which).count();
    }

    private static Map<String, Long> countBy(List<ServiceTicket> tickets, Function<ServiceTicket, String> key) {
        return tickets.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
    }

    private static <T> List<T> limit(List<T> list) {
        return list.size() <= LIST_LIMIT ? list : List.copyOf(list.subList(0, LIST_LIMIT));
    }
}
