package dev.herald.reports.console;

import dev.herald.access.entity.SecurityRoles;
import dev.herald.platform.boundary.ConflictException;
import dev.herald.platform.boundary.ExpectedVersion;
import dev.herald.platform.boundary.NotFoundException;
import dev.herald.platform.boundary.Page;
import dev.herald.platform.boundary.StaleVersionException;
import dev.herald.platform.boundary.ValidationException;
import dev.herald.platform.console.ConsoleFormat;
import dev.herald.platform.console.ConsoleLabels;
import dev.herald.reports.boundary.CriteriaSetInput;
import dev.herald.reports.boundary.CriteriaSetService;
import dev.herald.reports.boundary.CriteriaSetView;
import dev.herald.reports.boundary.ParameterView;
import dev.herald.reports.boundary.PreviewView;
import dev.herald.reports.boundary.RenderJob;
import dev.herald.reports.boundary.RenderRequest;
import dev.herald.reports.boundary.ReportCatalog;
import dev.herald.reports.boundary.ReportDetail;
import dev.herald.reports.boundary.ReportSummary;
import dev.herald.settings.boundary.SettingsService;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.omnifaces.util.Components;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.StreamedContent;

/**
 * The Report Explorer: the catalog searched and paged in the database; a report opened with its
 * criteria (from one of its criteria sets or typed in), previewed, downloaded in any format, and its
 * criteria sets saved, changed and deleted. Previews and downloads are the boundary's, with its
 * permissions (Export Reports) and its audit line; their refusals land on the fields.
 */
@Named
@ViewScoped
public class ReportExplorerView implements Serializable {

    private static final String FORM = "report:";
    private static final int PREVIEW_ROWS = 50;

    @Inject
    ReportCatalog catalog;

    @Inject
    CriteriaSetService criteriaSets;

    @Inject
    ConsoleLabels labels;

    @Inject
    SettingsService settings;

    /** The organisation's currency, read once per view. */
    private String currency;

    private String query;
    private LazyDataModel<ReportSummary> model;

    private ReportDetail report;
    private List<CriteriaSetView> sets = List.of();
    private Long chosenSetId;
    private final CriteriaValues criteria = new CriteriaValues();
    private String format = "EXCEL_FORMATTED";
    private String csvDelimiter = "COMMA";
    private boolean csvByteOrderMark;
    private PreviewView preview;
    private String setName;

    @PostConstruct
    void init() {
        model = new LazyDataModel<>() {
            @Override
            public int count(Map<String, FilterMeta> filterBy) {
                return (int) catalog.search(query, 0, 1).total();
            }

            @Override
            public List<ReportSummary> load(
                    int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
                Page<ReportSummary> page = catalog.search(query, first / pageSize, pageSize);
                setRowCount((int) page.total());
                return page.items();
            }

            @Override
            public String getRowKey(ReportSummary summary) {
                return summary.key();
            }

            @Override
            public ReportSummary getRowData(String rowKey) {
                ReportDetail detail = catalog.get(rowKey);
                return new ReportSummary(
                        detail.key(), detail.name(), detail.description(), detail.category(), detail.builtIn());
            }
        };
        String key = Faces.getRequestParameter("key");
        if (key != null && !key.isBlank()) {
            try {
                show(catalog.get(key));
            } catch (NotFoundException e) {
                Messages.addGlobalWarn("There is no report {0}.", key);
            }
        }
    }

    public void searchChanged() {
        DataTable table = Components.findComponent("catalog:table");
        if (table != null) {
            table.setFirst(0);
        }
    }

    public void open(ReportSummary summary) {
        show(catalog.get(summary.key()));
    }

    private void show(ReportDetail detail) {
        report = detail;
        sets = criteriaSets.list(detail.key());
        chosenSetId = null;
        setName = null;
        preview = null;
        criteria.fill(detail.parameters(), null);
    }

    /** Fills the criteria from the chosen set, or with the report's defaults when none is chosen. */
    public void setChosen() {
        CriteriaSetView set = chosenSet();
        criteria.fill(report.parameters(), set == null ? null : set.criteria());
        setName = set == null ? null : set.name();
        preview = null;
    }

    private CriteriaSetView chosenSet() {
        return sets.stream()
                .filter(set -> Objects.equals(set.id(), chosenSetId))
                .findFirst()
                .orElse(null);
    }

    public void preview() {
        try {
            preview = catalog.preview(report.key(), request(), PREVIEW_ROWS);
        } catch (ValidationException e) {
            preview = null;
            showCriteriaProblems(e);
        }
    }

    /** Checks the request first, so that wrong criteria come back to the page instead of a broken file. */
    public StreamedContent download() {
        RenderJob job;
        try {
            job = catalog.prepare(report.key(), request());
        } catch (ValidationException e) {
            showCriteriaProblems(e);
            return null;
        }
        String remoteAddress = Faces.getRemoteAddr();
        return DefaultStreamedContent.builder()
                .name(job.fileName())
                .contentType(job.mediaType())
                .writer(out -> {
                    try {
                        catalog.render(job, out, remoteAddress);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .build();
    }

    private RenderRequest request() {
        return new RenderRequest(criteria.toJson(), null, format, csvDelimiter, csvByteOrderMark);
    }

    public void saveAsNewSet() {
        try {
            CriteriaSetView saved = criteriaSets.create(
                    report.key(), new CriteriaSetInput(setName, criteria.toJson()), Faces.getRemoteAddr());
            afterSetSaved(saved, "The criteria set {0} is saved.");
        } catch (ValidationException e) {
            showSetProblems(e);
        }
    }

    /**
     * Saves the criteria over the chosen set, if nobody changed it since this page read it. When
     * someone did, nothing is saved and what was typed stays; the page now knows their version, so
     * pressing Update set again replaces theirs, knowingly.
     */
    public void updateSet() {
        CriteriaSetView opened = chosenSet();
        if (opened == null) {
            return;
        }
        try {
            CriteriaSetView saved = criteriaSets.update(
                    opened.id(),
                    new CriteriaSetInput(setName, criteria.toJson()),
                    ExpectedVersion.of(opened.version()),
                    Faces.getRemoteAddr());
            afterSetSaved(saved, "The criteria set {0} is changed.");
        } catch (ValidationException e) {
            showSetProblems(e);
        } catch (StaleVersionException e) {
            sets = criteriaSets.list(report.key());
            Messages.addGlobalError(
                    "The criteria set {0} was changed by someone else since you opened it; nothing was saved, and"
                            + " the criteria you typed are still here. Press Update set again to replace their"
                            + " change with yours, Save as new set to keep both, or choose the set again to see"
                            + " theirs (that replaces what you typed).",
                    opened.name());
            Faces.validationFailed();
        } catch (NotFoundException | ConflictException e) {
            Messages.addGlobalError(e.getMessage());
        }
    }

    private void afterSetSaved(CriteriaSetView saved, String message) {
        sets = criteriaSets.list(report.key());
        chosenSetId = saved.id();
        setName = saved.name();
        Messages.addGlobalInfo(message, saved.name());
    }

    public void deleteSet() {
        CriteriaSetView set = chosenSet();
        if (set == null) {
            return;
        }
        try {
            criteriaSets.delete(set.id(), ExpectedVersion.of(set.version()), Faces.getRemoteAddr());
            Messages.addGlobalInfo(
                    "The criteria set {0} is deleted; schedules made from it keep their own copy of its criteria.",
                    set.name());
            sets = criteriaSets.list(report.key());
            chosenSetId = null;
            setName = null;
        } catch (StaleVersionException e) {
            sets = criteriaSets.list(report.key());
            Messages.addGlobalError(
                    "The criteria set {0} was changed by someone else since you opened it, so it was not deleted."
                            + " Choose it again to see it as it is now; press Delete set again to delete that.",
                    set.name());
        } catch (NotFoundException | ConflictException e) {
            Messages.addGlobalError(e.getMessage());
        }
    }

    private void showSetProblems(ValidationException e) {
        e.errors().forEach(error -> {
            if ("name".equals(error.field())) {
                Messages.addError(FORM + "setName", error.message());
            } else {
                Messages.addError(FORM + "criteriaProblems", labelled(error));
            }
        });
        Faces.validationFailed();
    }

    private void showCriteriaProblems(ValidationException e) {
        e.errors().forEach(error -> {
            String field = error.field();
            if ("format".equals(field) || "csvDelimiter".equals(field)) {
                Messages.addError(FORM + field, error.message());
            } else {
                Messages.addError(FORM + "criteriaProblems", labelled(error));
            }
        });
        Faces.validationFailed();
    }

    /**
     * "criteria.paymentDate: …" becomes "Payment date: …", the label the form shows; one end of a
     * range ("criteria.paymentDate.from") becomes "Payment date (from): …".
     */
    private String labelled(ValidationException.FieldError error) {
        String field = error.field();
        String path = field.startsWith("criteria.") ? field.substring("criteria.".length()) : field;
        int dot = path.indexOf('.');
        String parameter = dot < 0 ? path : path.substring(0, dot);
        String part = dot < 0 ? "" : " (" + path.substring(dot + 1) + ")";
        return report.parameters().stream()
                .filter(p -> p.name().equals(parameter))
                .map(ParameterView::label)
                .findFirst()
                .map(label -> label + part + ": " + error.message())
                .orElse(error.message());
    }

    /**
     * A preview cell as people read it: an amount with the organisation's currency (£1,234.50), other
     * numbers without exponent, a code Herald knows in words (BOX_OFFICE as Box office), the rest as
     * it prints. Downloads keep the values as they are.
     */
    public String cell(Object value, int column) {
        if (value == null) {
            return "";
        }
        boolean money = preview != null
                && column < preview.columns().size()
                && "MONEY".equals(preview.columns().get(column).type());
        if (money && value instanceof Number amount) {
            if (currency == null) {
                currency = settings.organisationForStaff().currency();
            }
            return ConsoleFormat.money(
                    amount instanceof BigDecimal exact ? exact : new BigDecimal(amount.toString()), currency);
        }
        if (value instanceof BigDecimal number) {
            return number.toPlainString();
        }
        return String.valueOf(labels.of(value));
    }

    /** "All 12 rows.", "The first 50 of 1,234 rows." or "The first 50 of more than 10,000 rows." */
    public String getPreviewCount() {
        if (preview == null) {
            return "";
        }
        int shown = preview.rows().size();
        if (!preview.truncated()) {
            return shown == 1 ? "1 row." : (shown == 0 ? "No rows." : String.format(Locale.UK, "All %,d rows.", shown));
        }
        return String.format(
                Locale.UK,
                "The first %,d of %s%,d rows; download the report for all of them.",
                shown,
                preview.totalRowsAtLeast() ? "more than " : "",
                preview.totalRows());
    }

    public boolean isMayExport() {
        return Faces.isUserInRole(SecurityRoles.EXPORT_REPORTS);
    }

    public boolean isMayPreview() {
        return isMayExport() || isMayManageSets();
    }

    public boolean isMayManageSets() {
        return Faces.isUserInRole(SecurityRoles.MANAGE_REPORTS);
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }

    public LazyDataModel<ReportSummary> getModel() {
        return model;
    }

    public ReportDetail getReport() {
        return report;
    }

    public List<CriteriaSetView> getSets() {
        return sets;
    }

    public Long getChosenSetId() {
        return chosenSetId;
    }

    public void setChosenSetId(Long chosenSetId) {
        this.chosenSetId = chosenSetId;
    }

    public CriteriaValues getCriteria() {
        return criteria;
    }

    public String getFormat() {
        return format;
    }

    public void setFormat(String format) {
        this.format = format;
    }

    public String getCsvDelimiter() {
        return csvDelimiter;
    }

    public void setCsvDelimiter(String csvDelimiter) {
        this.csvDelimiter = csvDelimiter;
    }

    public boolean isCsvByteOrderMark() {
        return csvByteOrderMark;
    }

    public void setCsvByteOrderMark(boolean csvByteOrderMark) {
        this.csvByteOrderMark = csvByteOrderMark;
    }

    public PreviewView getPreview() {
        return preview;
    }

    public String getSetName() {
        return setName;
    }

    public void setSetName(String setName) {
        this.setName = setName;
    }
}
