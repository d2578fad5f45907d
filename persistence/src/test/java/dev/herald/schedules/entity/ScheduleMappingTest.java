package dev.herald.schedules.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.rendering.entity.CsvDelimiter;
import dev.herald.rendering.entity.FileFormat;
import dev.herald.reports.entity.CriteriaSet;
import dev.herald.reports.entity.ReportDefinition;
import dev.herald.runs.entity.Run;
import dev.herald.runs.entity.RunStatus;
import dev.herald.runs.entity.RunTrigger;
import dev.herald.testing.TestDatabase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Schedules, their items and recurrence, and runs map onto the V2 schema, on H2 and PostgreSQL. */
class ScheduleMappingTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aScheduleWithItemsAndRecurrenceRoundTrips(TestDatabase database) {
        String name = "Daily Reports " + UUID.randomUUID();
        Instant next = Instant.parse("2026-03-02T10:00:00Z");
        Long id = inTransaction(database, em -> {
            Schedule schedule = new Schedule("  " + name + " ", null, Instant.parse("2026-03-01T09:00:00Z"));
            schedule.setRunAsSchedule(true);
            schedule.setRecurrence(new Recurrence()
                    .setTimeZone("Europe/London")
                    .setRunFrom(LocalDate.parse("2026-03-01"))
                    .setOccurs(OccursType.WEEKLY)
                    .setEvery(2)
                    .setDays(EnumSet.of(DayOfWeek.THURSDAY, DayOfWeek.MONDAY))
                    .setFrequency(DailyFrequencyType.EVERY)
                    .setMinutes(45)
                    .setWindowFrom(LocalTime.parse("09:00"))
                    .setWindowUntil(LocalTime.parse("17:30")));
            schedule.setNextRunAt(next);
            ReportDefinition report = em.createNamedQuery(ReportDefinition.BY_KEY, ReportDefinition.class)
                    .setParameter("key", "payments-activities-detailed")
                    .getSingleResult();
            CriteriaSet criteriaSet = em.createQuery(
                            "SELECT c FROM CriteriaSet c WHERE c.report = :report AND c.name = 'Last week'",
                            CriteriaSet.class)
                    .setParameter("report", report)
                    .getSingleResult();
            ScheduledReport first =
                    item(report, criteriaSet, "Yesterday's Sales", List.of("b@example.org", "a@example.org"));
            ScheduledReport second = item(report, criteriaSet, "Again", List.of("c@example.org"));
            second.setFormat(FileFormat.CSV);
            second.setCsvDelimiter(CsvDelimiter.PIPE);
            schedule.replaceItems(List.of(first, second));
            em.persist(schedule);
            em.flush();
            return schedule.getId();
        });

        Schedule found = inTransaction(database, em -> em.find(Schedule.class, id));

        assertThat(found.getName()).isEqualTo(name);
        assertThat(found.getNextRunAt()).isEqualTo(next);
        assertThat(found.getRecurrence().getDays()).containsExactly(DayOfWeek.MONDAY, DayOfWeek.THURSDAY);
        assertThat(found.getRecurrence().getWindowUntil()).isEqualTo(LocalTime.parse("17:30"));
        assertThat(found.getRecurrence().getMisfirePolicy()).isEqualTo(MisfirePolicy.RUN_ONCE);
        assertThat(found.getItems())
                .extracting(ScheduledReport::getDisplayName)
                .containsExactly("Yesterday's Sales", "Again");
        assertThat(found.getItems().get(0).getRecipients()).containsExactly("b@example.org", "a@example.org");
        assertThat(found.getItems().get(0).getCriteria()).isEqualTo("{\"paymentDate\":\"LAST_WEEK\"}");
        assertThat(found.getItems().get(1).getCsvDelimiter()).isEqualTo(CsvDelimiter.PIPE);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aScheduleThatDoesNotRunOnATimetableHasNoRecurrence(TestDatabase database) {
        Long id = inTransaction(database, em -> {
            Schedule schedule = new Schedule("On demand " + UUID.randomUUID(), null, Instant.now());
            schedule.setRunOnDemand(true);
            em.persist(schedule);
            em.flush();
            return schedule.getId();
        });

        Schedule found = inTransaction(database, em -> em.find(Schedule.class, id));

        assertThat(found.getRecurrence() == null || found.getRecurrence().getOccurs() == null)
                .isTrue();
        assertThat(found.getNextRunAt()).isNull();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void eachScheduledInstantRunsOnceButManualRunsRepeat(TestDatabase database) {
        Instant due = Instant.parse("2026-05-01T07:00:00Z");
        Long scheduleId = inTransaction(database, em -> {
            Schedule schedule = new Schedule("Once " + UUID.randomUUID(), null, due);
            em.persist(schedule);
            em.persist(new Run(schedule, RunTrigger.SCHEDULED, due, null, due));
            em.persist(new Run(schedule, RunTrigger.MANUAL, due, "admin", due));
            em.persist(new Run(schedule, RunTrigger.MANUAL, due, "admin", due));
            em.flush();
            return schedule.getId();
        });

        assertThatThrownBy(() -> inTransaction(database, em -> {
                    em.persist(new Run(em.find(Schedule.class, scheduleId), RunTrigger.SCHEDULED, due, null, due));
                    em.flush();
                    return null;
                }))
                .isInstanceOf(PersistenceException.class);
        List<Run> runs = inTransaction(
                database, em -> em.createQuery("SELECT r FROM Run r WHERE r.schedule.id = :id ORDER BY r.id", Run.class)
                        .setParameter("id", scheduleId)
                        .getResultList());
        assertThat(runs)
                .extracting(Run::getTrigger)
                .containsExactlyInAnyOrder(RunTrigger.SCHEDULED, RunTrigger.MANUAL, RunTrigger.MANUAL);
        assertThat(runs).allSatisfy(run -> assertThat(run.getStatus()).isEqualTo(RunStatus.CLAIMED));
    }

    private static ScheduledReport item(
            ReportDefinition report, CriteriaSet criteriaSet, String name, List<String> to) {
        ScheduledReport item = new ScheduledReport();
        item.setReport(report);
        item.setCriteriaSet(criteriaSet);
        item.setCriteria(criteriaSet.getCriteria());
        item.setDisplayName(name);
        item.setRecipients(to);
        return item;
    }

    private static <T> T inTransaction(TestDatabase database, java.util.function.Function<EntityManager, T> work) {
        EntityManager em = database.entityManagerFactory().createEntityManager();
        try {
            em.getTransaction().begin();
            T result = work.apply(em);
            em.getTransaction().commit();
            return result;
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }
}
