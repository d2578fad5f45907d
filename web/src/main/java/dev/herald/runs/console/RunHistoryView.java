package dev.herald.runs.console;

import dev.herald.platform.boundary.ConflictException;
import dev.herald.platform.boundary.NotFoundException;
import dev.herald.platform.boundary.Page;
import dev.herald.runs.boundary.DeliveryView;
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
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * Run history, newest first and paged in the database, optionally of one schedule and one status;
 * each run opens to its reports, their files and the e-mail to each recipient. Failed e-mails can be
 * sent again, a run in progress cancelled, and a link a run sent withdrawn.
 */
@Named
@ViewScoped
public class RunHistoryView implements Serializable {

    @Inject
    RunService runs;

    private Long scheduleId;
    private Long runId;
    private String status;
    private LazyDataModel<RunView> model;
    private transient Map<Long, RunView> details = new HashMap<>();

    @PostConstruct
    void init() {
        model = new LazyDataModel<>() {
            @Override
            public int count(Map<String, FilterMeta> filterBy) {
                return runId != null
                        ? 1
                        : (int) runs.list(scheduleId, status, 0, 1).total();
            }

            @Override
            public List<RunView> load(
                    int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
                details = new HashMap<>();
                if (runId != null) {
                    try {
                        setRowCount(1);
                        return List.of(runs.find(runId));
                    } catch (NotFoundException e) {
                        setRowCount(0);
                        return List.of();
                    }
                }
                Page<RunView> page = runs.list(scheduleId, status, first / pageSize, pageSize);
                setRowCount((int) page.total());
                return page.items();
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
        return !List.of("QUEUED", "CLAIMED", "RUNNING", "WAITING").contains(run.status());
    }

    public String severity(String runStatus) {
        return switch (runStatus) {
            case "SUCCEEDED", "SENT" -> "success";
            case "FAILED", "PARTIALLY_FAILED" -> "danger";
            case "WAITING", "RETRY" -> "warning";
            case "CANCELLED", "SKIPPED_EMPTY" -> "secondary";
            default -> "info";
        };
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

    public LazyDataModel<RunView> getModel() {
        return model;
    }
}
