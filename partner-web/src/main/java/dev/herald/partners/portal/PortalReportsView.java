package dev.herald.partners.portal;

import dev.herald.ondemand.boundary.LineFullException;
import dev.herald.ondemand.boundary.OnDemandItemView;
import dev.herald.ondemand.boundary.OnDemandRunView;
import dev.herald.ondemand.boundary.OnDemandService;
import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.util.List;

/**
 * The Reports tab: the items made available to the partner on demand, each run with its fixed
 * criteria and format, and the partner's latest runs, followed by polling (a run never holds a
 * request while it works) until they end, with their files to download.
 */
@Named
@ViewScoped
public class PortalReportsView implements Serializable {

    @Inject
    OnDemandService onDemand;

    private List<OnDemandItemView> items;
    private List<OnDemandRunView> runs;

    @PostConstruct
    void init() {
        items = onDemand.available();
        runs = onDemand.mine();
    }

    public void refresh() {
        runs = onDemand.mine();
    }

    public void run(OnDemandItemView item) {
        try {
            onDemand.run(item.itemId(), remoteAddress())
                    .ifPresentOrElse(
                            run -> say(
                                    FacesMessage.SEVERITY_INFO,
                                    "QUEUED".equals(run.status())
                                            ? "“" + item.displayName() + "” waits its turn: number " + run.placeInLine()
                                                    + " in your line. At most two of your reports run at once."
                                            : "“" + item.displayName() + "” is being made."),
                            () -> say(FacesMessage.SEVERITY_ERROR, "This report is no longer available to you."));
        } catch (LineFullException full) {
            say(FacesMessage.SEVERITY_WARN, full.getMessage());
        }
        refresh();
    }

    public void cancel(OnDemandRunView run) {
        onDemand.cancel(run.runId(), remoteAddress())
                .ifPresentOrElse(
                        cancelled -> say(FacesMessage.SEVERITY_INFO, "“" + run.displayName() + "” is cancelled."),
                        () -> say(FacesMessage.SEVERITY_WARN, "“" + run.displayName() + "” had already ended."));
        refresh();
    }

    public boolean isAnyGoing() {
        return runs.stream().anyMatch(run -> !run.isEnded());
    }

    /** What the partner reads about a run's state. */
    public String state(OnDemandRunView run) {
        return switch (run.status()) {
            case "QUEUED" -> "Waiting: number " + run.placeInLine() + " in your line";
            case "CLAIMED" -> "Starting";
            case "RUNNING" -> "Being made";
            case "SUCCEEDED" -> run.file() == null ? "Made; the file is no longer kept" : "Ready";
            case "CANCELLED" -> "Cancelled";
            default -> "Could not be made";
        };
    }

    public String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        return bytes < 1024 * 1024
                ? String.format("%.1f KiB", bytes / 1024.0)
                : String.format("%.1f MiB", bytes / (1024.0 * 1024));
    }

    public String formatLabel(String format) {
        return switch (format) {
            case "EXCEL_FORMATTED" -> "Excel (formatted)";
            case "EXCEL_UNFORMATTED" -> "Excel (unformatted)";
            default -> format;
        };
    }

    public List<OnDemandItemView> getItems() {
        return items;
    }

    public List<OnDemandRunView> getRuns() {
        return runs;
    }

    private static String remoteAddress() {
        return ((HttpServletRequest)
                        FacesContext.getCurrentInstance().getExternalContext().getRequest())
                .getRemoteAddr();
    }

    private static void say(FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
    }
}
