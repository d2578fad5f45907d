package dev.herald.schedules.console;

import dev.herald.platform.boundary.ConflictException;
import dev.herald.platform.boundary.NotFoundException;
import dev.herald.platform.boundary.Page;
import dev.herald.platform.boundary.ValidationException;
import dev.herald.runs.boundary.RunService;
import dev.herald.runs.boundary.RunView;
import dev.herald.runs.boundary.TestSendInput;
import dev.herald.schedules.boundary.ScheduleService;
import dev.herald.schedules.boundary.ScheduleView;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.omnifaces.util.Components;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * Report schedules: searched by schedule or report name and paged in the database; enable, disable,
 * delete (after confirmation), run now and send a test from each row.
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

    private String query;
    private LazyDataModel<Row> model;
    private Row selected;
    private String testRecipients;

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
                Page<ScheduleView> page = schedules.search(query, first / pageSize, pageSize);
                setRowCount((int) page.total());
                return page.items().stream().map(ScheduleListView.this::row).toList();
            }

            @Override
            public String getRowKey(Row row) {
                return String.valueOf(row.schedule().id());
            }

            @Override
            public Row getRowData(String rowKey) {
                return row(schedules.get(Long.parseLong(rowKey)));
            }
        };
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
