package dev.herald.runs.console;

import dev.herald.platform.boundary.ConflictException;
import dev.herald.platform.boundary.NotFoundException;
import dev.herald.platform.boundary.Page;
import dev.herald.platform.boundary.ValidationException;
import dev.herald.runs.boundary.DeliveryView;
import dev.herald.runs.boundary.RunQuery;
import dev.herald.runs.boundary.RunService;
import dev.herald.runs.boundary.RunView;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.omnifaces.util.Components;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * Run history, newest first (or sorted by a column) and paged in the database, optionally of one
 * schedule, of schedules whose name holds some text, and of one status; each run opens to its
 * reports, their files and the e-mail to each recipient. Failed e-mails can be sent again, a run in
 * progress cancelled, and a link a run sent withdrawn. While a run on the page goes, a poll refreshes
 * the table (keeping its page, order and filters) and stops when none does.
 */
@Named
@ViewScoped
public class RunHistoryView implements Serializable {

    @Inject
    RunService runs;

    private static final Map<String, RunQuery.Sort> SORTS = Map.of(
            "id", RunQuery.Sort.CREATED,
            "schedule", RunQuery.Sort.SCHEDULE,
            "scheduledFor", RunQuery.Sort.SCHEDULED_FOR,
            "finished", RunQuery.Sort.FINISHED,
            "status", RunQuery.Sort.STATUS);

    @Inject
    RunStatusWords words;

    private Long scheduleId;
    private Long runId;
    private String status;
    private String scheduleName;
    private transient List<RunView> loaded = List.of();
    private LazyDataModel<RunView> model;
    private transient Map<Long, RunView> details = new HashMap<>();

    @PostConstruct
    void init() {
        model = new LazyDataModel<>() {
            @Override
            public int count(Map<String, FilterMeta> filterBy) {
                return runId != null ? 1 : (int) runs.list(query(null), 0, 1).total();
            }

            @Override
            public List<RunView> load(
                    int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
                details = new HashMap<>();
                if (runId != null) {
                    try {
                        setRowCount(1);
                        loaded = List.of(runs.find(runId));
                    } catch (NotFoundException e) {
                        setRowCount(0);
                        loaded = List.of();
                    }
                    return loaded;
                }
                SortMeta order = sortBy == null || sortBy.isEmpty()
                        ? null
                        : sortBy.values().iterator().next();
                Page<RunView> page;
                try {
                    page = runs.list(query(order), first / pageSize, pageSize);
                } catch (ValidationException e) {
                    Messages.addError("runs:scheduleName", e.errors().get(0).message());
                    page = new Page<>(List.of(), 0, pageSize, 0);
                }
                setRowCount((int) page.total());
                loaded = page.items();
                return loaded;
            }

            @Override
            public String getRowKey(RunView run) {
                return String.valueOf(run.id());
            }

            @Override
            public RunView getRowData(String rowKey) {
                return runs.find(Long.parseLong(rowKey));
            }
        };
    }

    private RunQuery query(SortMeta order) {
        RunQuery.Sort sort = order == null ? null : SORTS.get(order.getField());
        boolean descending = order != null && order.getOrder() == SortOrder.DESCENDING;
        return new RunQuery(scheduleId, status, scheduleName, sort, descending);
    }

    /** Whether a run on the page shown may still change: the poll runs while one does. */
    public boolean isAnyRunning() {
        return loaded != null && loaded.stream().anyMatch(run -> words.isGoing(run.status()));
    }

    /** What the poll does: nothing but let the table read its page again. */
    public void refresh() {
        // The table reloads its page as it renders.
    }

    /** A new filter starts on the first page. */
    public void filterChanged() {
        DataTable table = Components.findComponent("runs:table");
        if (table != null) {
            table.setFirst(0);
        }
    }

    /** "1 run", "340 runs": what the filters find, on every page. */
    public String getCountLabel() {
        int count = model.getRowCount();
        return count + (count == 1 ? " run" : " runs");
    }

    /** The run with its reports and e-mails, for the expanded row: read once per run and page shown. */
    public RunView details(RunView run) {
        if (details == null) {
            details = new HashMap<>();
        }
        return details.computeIfAbsent(run.id(), runs::find);
    }

    public void resendFailed(RunView run) {
        try {
            runs.resendFailed(run.id());
            details.remove(run.id());
            Messages.addGlobalInfo("Run {0} is sending its failed e-mails again.", run.id());
        } catch (ConflictException | NotFoundException e) {
            Messages.addGlobalError(e.getMessage());
        }
    }

    public void cancel(RunView run) {
        try {
            runs.cancel(run.id());
            details.remove(run.id());
            Messages.addGlobalInfo("Run {0} is cancelled; what was sent stays sent.", run.id());
        } catch (ConflictException | NotFoundException e) {
            Messages.addGlobalError(e.getMessage());
        }
    }

    public void withdrawLink(RunView run, DeliveryView delivery) {
        try {
            runs.withdrawLink(run.id(), delivery.id(), Faces.getRemoteAddr());
            details.remove(run.id());
            Messages.addGlobalInfo(
                    "The link sent to {0} is withdrawn: it opens nothing any more.", delivery.recipient());
        } catch (ConflictException | NotFoundException e) {
            Messages.addGlobalError(e.getMessage());
        }
    }

    public boolean isEnded(RunView run) {
        return !words.isGoing(run.status());
    }

    public String severity(String runStatus) {
        return words.severity(runStatus);
    }

    public Long getScheduleId() {
        return scheduleId;
    }

    public void setScheduleId(Long scheduleId) {
        this.scheduleId = scheduleId;
    }

    /** One run, opened: where the owner's failure notice points. */
    public Long getRunId() {
        return runId;
    }

    public void setRunId(Long runId) {
        this.runId = runId;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status == null || status.isBlank() ? null : status;
    }

    /** Text the schedule's name holds (as each run recorded it). */
    public String getScheduleName() {
        return scheduleName;
    }

    public void setScheduleName(String scheduleName) {
        this.scheduleName = scheduleName == null || scheduleName.isBlank() ? null : scheduleName.strip();
    }

    public LazyDataModel<RunView> getModel() {
        return model;
    }
}
