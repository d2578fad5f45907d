package dev.herald.usage.console;

import dev.herald.access.entity.SecurityRoles;
import dev.herald.platform.boundary.ForbiddenException;
import dev.herald.platform.boundary.ValidationException;
import dev.herald.platform.console.PagedModel;
import dev.herald.usage.boundary.ScheduledTaskInput;
import dev.herald.usage.boundary.TenantFilter;
import dev.herald.usage.boundary.TenantView;
import dev.herald.usage.boundary.UsageReportInput;
import dev.herald.usage.boundary.UsageReportService;
import dev.herald.usage.boundary.UsageReportView;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;
import org.primefaces.PrimeFaces;

/**
 * The tenants (Export Reports), filtered in the database, and the Generate Usage Report dialog for
 * one tenant, all tenants or the filtered list; with Scheduled Task Management it can also make a
 * scheduled task with the same tenants.
 */
@Named
@ViewScoped
public class TenantListView implements Serializable {

    private static final String DIALOG = "generateForm:";

    @Inject
    UsageReportService usage;

    private String name;
    private List<String> status = new ArrayList<>();
    private List<String> plan = new ArrayList<>();
    private List<String> region = new ArrayList<>();
    private PagedModel<TenantView> model;
    private List<String> regions;

    private String scope = "ALL";
    private Long tenantId;
    private String tenantName;
    private String reportName;
    private String description;
    private String delimiter = "COMMA";
    private String period = "LAST_30_DAYS";
    private LocalDate from;
    private LocalDate to;
    private boolean daily;
    private boolean schedule;
    private String email;
    private String recurrence = "WEEKLY";
    private String dayOfWeek = "MONDAY";

    @PostConstruct
    void init() {
        model = new PagedModel<>((page, size) -> usage.tenants(filter(), page, size), TenantView::id);
    }

    private TenantFilter filter() {
        return new TenantFilter(name, status, plan, region);
    }

    public void forTenant(TenantView tenant) {
        prepare("TENANT");
        tenantId = tenant.id();
        tenantName = tenant.name();
        reportName = "Usage of " + tenant.name();
    }

    public void forAll() {
        prepare("ALL");
        reportName = "Usage of all tenants";
    }

    public void forFiltered() {
        prepare("FILTERED");
        reportName = "Usage of the filtered tenants";
    }

    private void prepare(String newScope) {
        scope = newScope;
        tenantId = null;
        tenantName = null;
        description = null;
        delimiter = "COMMA";
        period = "LAST_30_DAYS";
        from = null;
        to = null;
        daily = false;
        schedule = false;
        email = null;
    }

    public void generate() {
        try {
            UsageReportView report = usage.generate(
                    new UsageReportInput(
                            reportName,
                            description,
                            scope,
                            tenantId,
                            "FILTERED".equals(scope) ? filter() : null,
                            delimiter,
                            period,
                            from,
                            to,
                            daily,
                            schedule
                                    ? new ScheduledTaskInput(
                                            reportName,
                                            description,
                                            email,
                                            "USAGE_REPORT",
                                            recurrence,
                                            dayOfWeek,
                                            delimiter,
                                            true)
                                    : null),
                    Faces.getRemoteAddr());
            Messages.addGlobalInfo("“" + report.name() + "” is being made; follow it under Usage reports."
                    + (report.scheduledTaskId() == null ? "" : " The scheduled task is made too."));
            PrimeFaces.current().executeScript("PF('generateDialog').hide()");
        } catch (ValidationException e) {
            e.errors().forEach(error -> Messages.addError(DIALOG + field(error.field()), error.message()));
            Faces.validationFailed();
        } catch (ForbiddenException e) {
            Messages.addError(DIALOG + "schedule", e.getMessage());
            Faces.validationFailed();
        }
    }

    private static String field(String field) {
        return switch (field) {
            case "name" -> "reportName";
            case "email", "recurrence", "dayOfWeek", "taskType" -> field;
            case "tenantId", "scope" -> "scope";
            default -> field;
        };
    }

    public boolean isMayScheduleTasks() {
        return Faces.isUserInRole(SecurityRoles.SCHEDULED_TASK_MANAGEMENT);
    }

    public String getScopeText() {
        return switch (scope) {
            case "TENANT" -> "Tenant: " + tenantName;
            case "FILTERED" -> UsageReportService.describe(filter());
            default -> "All tenants";
        };
    }

    public List<String> getStatuses() {
        return List.of("ACTIVE", "TRIAL", "SUSPENDED", "CLOSED");
    }

    public List<String> getPlans() {
        return List.of("STARTER", "BUSINESS", "ENTERPRISE");
    }

    public List<String> getRegions() {
        if (regions == null) {
            regions = usage.regions();
        }
        return regions;
    }

    public PagedModel<TenantView> getModel() {
        return model;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public List<String> getStatus() {
        return status;
    }

    public void setStatus(List<String> status) {
        this.status = status;
    }

    public List<String> getPlan() {
        return plan;
    }

    public void setPlan(List<String> plan) {
        this.plan = plan;
    }

    public List<String> getRegion() {
        return region;
    }

    public void setRegion(List<String> region) {
        this.region = region;
    }

    public String getScope() {
        return scope;
    }

    public String getReportName() {
        return reportName;
    }

    public void setReportName(String reportName) {
        this.reportName = reportName;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getDelimiter() {
        return delimiter;
    }

    public void setDelimiter(String delimiter) {
        this.delimiter = delimiter;
    }

    public String getPeriod() {
        return period;
    }

    public void setPeriod(String period) {
        this.period = period;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }

    public boolean isDaily() {
        return daily;
    }

    public void setDaily(boolean daily) {
        this.daily = daily;
    }

    public boolean isSchedule() {
        return schedule;
    }

    public void setSchedule(boolean schedule) {
        this.schedule = schedule;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getRecurrence() {
        return recurrence;
    }

    public void setRecurrence(String recurrence) {
        this.recurrence = recurrence;
    }

    public String getDayOfWeek() {
        return dayOfWeek;
    }

    public void setDayOfWeek(String dayOfWeek) {
        this.dayOfWeek = dayOfWeek;
    }
}
