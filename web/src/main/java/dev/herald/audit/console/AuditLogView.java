package dev.herald.audit.console;

import dev.herald.audit.boundary.AuditEventView;
import dev.herald.audit.boundary.AuditFilter;
import dev.herald.audit.boundary.AuditTrail;
import dev.herald.platform.boundary.AcceptedDates;
import dev.herald.platform.boundary.Page;
import dev.herald.platform.console.OrganisationTime;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;
import java.io.Serializable;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.omnifaces.util.Components;
import org.omnifaces.util.Messages;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** The audit log, newest first, filtered and paged in the database; a change opens to before and after. */
@Named
@ViewScoped
public class AuditLogView implements Serializable {

    private static final JsonWriterFactory PRETTY =
            Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));

    @Inject
    AuditTrail trail;

    @Inject
    OrganisationTime organisationTime;

    private String actor;
    private String action;
    private LocalDate from;
    private LocalDate to;
    private LazyDataModel<AuditEventView> model;

    @PostConstruct
    void init() {
        model = new LazyDataModel<>() {
            @Override
            public int count(Map<String, FilterMeta> filterBy) {
                return (int) trail.search(filter(), 0, 1).total();
            }

            @Override
            public List<AuditEventView> load(
                    int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
                Page<AuditEventView> page = trail.search(filter(), first / pageSize, pageSize);
                setRowCount((int) page.total());
                return page.items();
            }

            @Override
            public String getRowKey(AuditEventView event) {
                return String.valueOf(event.id());
            }
        };
    }

    /** Days are the organisation's days, as the audit log's times are shown in its time zone. */
    private AuditFilter filter() {
        return new AuditFilter(
                actor,
                action,
                null,
                null,
                organisationTime.startOf(from),
                to == null ? null : organisationTime.startOf(to.plusDays(1)));
    }

    /**
     * Starts the table again from its first page. A day outside the dates Herald accepts is named on
     * its picker and left out of the filter, so the table never asks for it.
     */
    public void filterChanged() {
        if (from != null && !AcceptedDates.contains(from)) {
            Messages.addError("audit:from", AcceptedDates.outside(from));
            from = null;
        }
        if (to != null && !AcceptedDates.contains(to)) {
            Messages.addError("audit:to", AcceptedDates.outside(to));
            to = null;
        }
        DataTable table = Components.findComponent("audit:table");
        if (table != null) {
            table.setFirst(0);
        }
    }

    /** The thing before or after, indented for reading; a dash when there was nothing. */
    public String json(JsonValue value) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return "—";
        }
        StringWriter out = new StringWriter();
        try (JsonWriter writer = PRETTY.createWriter(out)) {
            writer.write(value);
        }
        return out.toString().strip();
    }

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
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

    public LazyDataModel<AuditEventView> getModel() {
        return model;
    }
}
