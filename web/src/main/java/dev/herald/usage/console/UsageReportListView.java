package dev.herald.usage.console;

import dev.herald.platform.boundary.ConflictException;
import dev.herald.platform.boundary.NotFoundException;
import dev.herald.platform.console.PagedModel;
import dev.herald.usage.boundary.UsageReportService;
import dev.herald.usage.boundary.UsageReportView;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

/**
 * The generated usage reports, newest first, refreshed every two seconds while one is being made:
 * status, progress, download, cancel (asking first), and the list itself as CSV.
 */
@Named
@ViewScoped
public class UsageReportListView implements Serializable {

    @Inject
    UsageReportService usage;

    private PagedModel<UsageReportView> model;
    private final Map<Long, String> tenantNames = new HashMap<>();

    @PostConstruct
    void init() {
        model = new PagedModel<>((page, size) -> usage.list(page, size), UsageReportView::id);
    }

    public void cancel(UsageReportView report) {
        try {
            usage.cancel(report.id(), Faces.getRemoteAddr());
            Messages.addGlobalInfo("“" + report.name() + "” is cancelled; no file is kept.");
        } catch (ConflictException | NotFoundException e) {
            Messages.addGlobalError(e.getMessage());
        }
    }

    public StreamedContent getListAsCsv() {
        return DefaultStreamedContent.builder().name("usage-reports.csv").contentType("text/csv; charset=UTF-8").stream(
                        () -> new ByteArrayInputStream(usage.listAsCsv(',').getBytes(StandardCharsets.UTF_8)))
                .build();
    }

    /** "All tenants", the one tenant's name (looked up once per page view), or the filter in words. */
    public String tenants(UsageReportView report) {
        if ("TENANT".equals(report.scope()) && report.tenantId() != null) {
            return tenantNames.computeIfAbsent(report.tenantId(), usage::tenantName);
        }
        return UsageReportService.tenants(report);
    }

    public String severity(String status) {
        return switch (status) {
            case "COMPLETE" -> "success";
            case "FAILED" -> "danger";
            case "CANCELLED" -> "secondary";
            default -> "info";
        };
    }

    public boolean isAnyRunning() {
        return model.loaded().stream().anyMatch(report -> "RUNNING".equals(report.status()));
    }

    public PagedModel<UsageReportView> getModel() {
        return model;
    }
}
