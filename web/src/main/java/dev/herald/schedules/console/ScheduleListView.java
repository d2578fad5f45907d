package dev.herald.schedules.console;

import dev.herald.platform.boundary.ConflictException;
import dev.herald.platform.boundary.NotFoundException;
import dev.herald.platform.boundary.Page;
import dev.herald.platform.boundary.ValidationException;
import dev.herald.runs.boundary.RunService;
import dev.herald.runs.boundary.RunView;
import dev.herald.runs.boundary.TestSendInput;
import dev.herald.runs.console.RunStatusWords;
import dev.herald.schedules.boundary.ScheduleService;
import dev.herald.schedules.boundary.ScheduleSort;
import dev.herald.schedules.boundary.ScheduleView;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJBAccessException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import org.omnifaces.util.Components;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * Report schedules: searched by schedule or report name, sorted and paged in the database; enable,
 * disable, delete (after confirmation), run now and send a test from each row, or enable, disable and
 * delete the rows chosen at once. A bulk action is the single action once per schedule, each its own
 * call to the boundary (which checks the caller's permission and audits it), so that one schedule
 * refused or gone leaves the others done and says which. While a run of a listed schedule goes, a poll
 * refreshes the table (keeping its page, order, search and choice) and stops when none goes.
 */
@Named
@ViewScoped
public class ScheduleListView implements Serializable {

    /** A schedule with its last run, as a row shows it. */
    public record Row(ScheduleView schedule, RunView lastRun) {}

    @Inject
    ScheduleService schedules;

    @Inject
    RunService runs;

    /** The most schedules one bulk action changes: more than a page of the longest list. */
    static final int MAX_BULK = 200;

    private static final Map<String, ScheduleSort> SORTS =
            Map.of("name", ScheduleSort.NAME, "status", ScheduleSort.ENABLED, "nextRun", ScheduleSort.NEXT_RUN);

    @Inject
    RunStatusWords words;

    private String query;
    private LazyDataModel<Row> model;
    private Row selected;
    private String testRecipients;
    private List<Row> selection = new ArrayList<>();
    private Long saved;
    private transient List<Row> loaded = List.of();

    @PostConstruct
    void init() {
        model = new LazyDataModel<>() {
            @Override
            public int count(Map<String, FilterMeta> filterBy) {
                return (int) schedules.search(query, 0, 1).total();
            }

            @Override
            public List<Row> load(
                    int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
                SortMeta order = sortBy == null || sortBy.isEmpty()
                        ? null
                        : sortBy.values().iterator().next();
                ScheduleSort sort =
                        order == null ? ScheduleSort.NAME : SORTS.getOrDefault(order.getField(), ScheduleSort.NAME);
                boolean descending = order != null && order.getOrder() == SortOrder.DESCENDING;
                Page<ScheduleView> page = schedules.search(query, sort, descending, first / pageSize, pageSize);
                setRowCount((int) page.total());
                loaded = page.items().stream().map(ScheduleListView.this::row).toList();
                return loaded;
            }

            @Override
            public String getRowKey(Row row) {
                return String.valueOf(row.schedule().id());
            }

            @Override
            public Row getRowData(String rowKey) {
                try {
                    return row(schedules.get(Long.parseLong(rowKey)));
                } catch (NumberFormatException | NotFoundException gone) {
                    return null;
                }
            }
        };
    }

    /** After the wizard saved a schedule: open the page (of the list by name) that holds it. */
    public void openSaved() {
        if (saved == null) {
            return;
        }
        long position = schedules.position(saved);
        DataTable table = Components.findComponent("schedules:table");
        if (position >= 0 && table != null) {
            int rows = table.getRows() > 0 ? table.getRows() : 20;
            table.setFirst((int) (position / rows) * rows);
        }
    }

    /** Whether a run of a schedule on the page shown is queued or going: the poll runs while one is. */
    public boolean isAnyRunning() {
        return loaded != null
                && loaded.stream()
                        .anyMatch(row -> row.lastRun() != null
                                && words.isGoing(row.lastRun().status()));
    }

    /** What the poll does: nothing but let the table read its page again. */
    public void refresh() {
        // The table reloads its page as it renders.
    }

    /** "1 schedule", "12 schedules": what the search finds, on every page. */
    public String getCountLabel() {
        int count = model.getRowCount();
        return count + (count == 1 ? " schedule" : " schedules");
    }

    public void bulkEnable() {
        bulk(id -> schedules.enable(id, remote()), "enabled");
    }

    public void bulkDisable() {
        bulk(id -> schedules.disable(id, remote()), "disabled");
    }

    public void bulkDelete() {
        bulk(id -> schedules.delete(id, remote()), "deleted");
    }

    private void bulk(LongConsumer action, String done) {
        List<Row> chosen = selection == null
                ? List.of()
                : selection.stream().filter(row -> row != null).toList();
        if (chosen.isEmpty()) {
            Messages.addGlobalWarn("Choose one or more schedules first.");
            return;
        }
        if (chosen.size() > MAX_BULK) {
            Messages.addGlobalError("Choose at most {0} schedules at once.", MAX_BULK);
            return;
        }
        int changed = 0;
        List<String> refused = new ArrayList<>();
        for (Row row : chosen) {
            try {
                action.accept(row.schedule().id());
                changed++;
            } catch (EJBAccessException e) {
                refused.add(row.schedule().name() + ": you may not change it");
            } catch (NotFoundException e) {
                refused.add(row.schedule().name() + ": it no longer exists");
            } catch (ConflictException | ValidationException e) {
                refused.add(row.schedule().name() + ": " + message(e));
            }
        }
        selection = new ArrayList<>();
        if (changed > 0) {
            Messages.addGlobalInfo("{0} {1} {2}.", changed, changed == 1 ? "schedule" : "schedules", done);
        }
        if (!refused.isEmpty()) {
            Messages.addGlobalError(
                    "{0} not {1}: {2}",
                    refused.size() == 1 ? "1 schedule" : refused.size() + " schedules",
                    done,
                    String.join("; ", refused));
        }
    }

    /** A new search starts on its first page. */
    public void searchChanged() {
        DataTable table = Components.findComponent("schedules:table");
        if (table != null) {
            table.setFirst(0);
        }
    }

    private Row row(ScheduleView schedule) {
        List<RunView> last = runs.list(schedule.id(), null, 0, 1).items();
        return new Row(schedule, last.isEmpty() ? null : last.get(0));
    }

    public void enable(Row row) {
        act(row, () -> schedules.enable(row.schedule().id(), remote()), "enabled");
    }

    public void disable(Row row) {
        act(row, () -> schedules.disable(row.schedule().id(), remote()), "disabled");
    }

    public void delete(Row row) {
        act(row, () -> schedules.delete(row.schedule().id(), remote()), "deleted");
    }

    public void runNow(Row row) {
        try {
            RunView run = runs.runNow(row.schedule().id());
            Messages.addGlobalInfo(
                    "Run {0} of {1} started.", run.id(), row.schedule().name());
        } catch (ConflictException | NotFoundException | ValidationException e) {
            Messages.addGlobalError(message(e));
        }
    }

    public void prepareTest(Row row) {
        selected = row;
        testRecipients = null;
    }

    public void sendTest() {
        try {
            RunView run = runs.test(
                    selected.schedule().id(), new TestSendInput(List.of(testRecipients == null ? "" : testRecipients)));
            Messages.addGlobalInfo("Test run {0} started; it goes to {1} only.", run.id(), testRecipients);
            Faces.getContext().getPartialViewContext().getEvalScripts().add("PF('testDialog').hide()");
        } catch (ValidationException e) {
            e.errors().forEach(error -> Messages.addError("testForm:testRecipients", error.message()));
            Faces.validationFailed();
        } catch (ConflictException | NotFoundException e) {
            Messages.addGlobalError(message(e));
        }
    }

    private void act(Row row, Runnable action, String done) {
        try {
            action.run();
            Messages.addGlobalInfo("{0} is {1}.", row.schedule().name(), done);
        } catch (ConflictException | NotFoundException | ValidationException e) {
            Messages.addGlobalError(message(e));
        }
    }

    private static String message(RuntimeException e) {
        if (e instanceof ValidationException invalid && !invalid.errors().isEmpty()) {
            return invalid.errors().get(0).message();
        }
        return e instanceof NotFoundException ? "That schedule no longer exists." : e.getMessage();
    }

    private static String remote() {
        return Faces.getRemoteAddr();
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }

    public LazyDataModel<Row> getModel() {
        return model;
    }

    public List<Row> getSelection() {
        return selection;
    }

    public void setSelection(List<Row> selection) {
        this.selection = selection == null ? new ArrayList<>() : new ArrayList<>(selection);
    }

    /** The schedule the wizard just saved, highlighted in the list. */
    public Long getSaved() {
        return saved;
    }

    public void setSaved(Long saved) {
        this.saved = saved;
    }

    public boolean isSaved(Row row) {
        return row != null && saved != null && saved == row.schedule().id();
    }

    public Row getSelected() {
        return selected;
    }

    public String getTestRecipients() {
        return testRecipients;
    }

    public void setTestRecipients(String testRecipients) {
        this.testRecipients = testRecipients;
    }
}
