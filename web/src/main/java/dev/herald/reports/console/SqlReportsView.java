package dev.herald.reports.console;

import dev.herald.platform.boundary.ConflictException;
import dev.herald.platform.boundary.NotFoundException;
import dev.herald.platform.boundary.ValidationException;
import dev.herald.platform.console.PagedModel;
import dev.herald.reports.boundary.ReportCatalog;
import dev.herald.reports.boundary.ReportDetail;
import dev.herald.reports.boundary.ReportSummary;
import dev.herald.reports.boundary.SqlPreviewView;
import dev.herald.reports.boundary.SqlReportInput;
import dev.herald.reports.control.SqlLines;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/**
 * SQL reports in the console (Super Administrators; web.xml keeps others from the page and the
 * boundary refuses them again): a list, and an editor for the query and its parameter declarations
 * with a trial run. What is typed stays in this view until it is saved, whatever the server says
 * about it; each problem is shown on its field, and a problem with the query on its line.
 */
@Named
@ViewScoped
public class SqlReportsView implements Serializable {

    private static final String FORM = "editor:";
    private static final Pattern PARAMETER_FIELD = Pattern.compile("parameters\\[(\\d+)]\\.(\\w+)");
    private static final Pattern NAMED_FIELD = Pattern.compile("(parameters\\.default|criteria)\\.([A-Za-z0-9]+).*");
    private static final int PREVIEW_ROWS = 20;
    public static final List<String> TYPES =
            List.of("TEXT", "NUMBER", "DATE", "DATE_RANGE", "BOOLEAN", "CHOICE", "MULTI_CHOICE");

    @Inject
    ReportCatalog catalog;

    private String query;
    private PagedModel<ReportSummary> reports;

    private boolean open;
    private String editingKey;
    private String key;
    private String name;
    private String category;
    private String description;
    private String sql;
    private List<ParameterRow> parameters = new ArrayList<>();
    private List<ColumnRow> columns = new ArrayList<>();
    private List<SqlProblem> sqlProblems = List.of();
    private List<String> otherProblems = List.of();
    private transient SqlPreviewView preview;

    /** One declared parameter as the form holds it: values are typed text. */
    public static class ParameterRow implements Serializable {
        private String name;
        private String label;
        private String type = "TEXT";
        private boolean required;
        private String defaultValue;
        private String options;
        private String lookupSql;
        private String previewValue;
        /** The scope kind that fills it from each recipient; null when criteria fill it. */
        private String scope;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getLabel() {
            return label;
        }

        public void setLabel(String label) {
            this.label = label;
        }

        public String getType() {
            return type;
        }

        public void setType(String type) {
            this.type = type;
        }

        public boolean isRequired() {
            return required;
        }

        public void setRequired(boolean required) {
            this.required = required;
        }

        public String getDefaultValue() {
            return defaultValue;
        }

        public void setDefaultValue(String defaultValue) {
            this.defaultValue = defaultValue;
        }

        public String getOptions() {
            return options;
        }

        public void setOptions(String options) {
            this.options = options;
        }

        public String getLookupSql() {
            return lookupSql;
        }

        public void setLookupSql(String lookupSql) {
            this.lookupSql = lineFeeds(lookupSql);
        }

        public String getPreviewValue() {
            return previewValue;
        }

        public void setPreviewValue(String previewValue) {
            this.previewValue = previewValue;
        }

        public String getScope() {
            return scope;
        }

        public void setScope(String scope) {
            this.scope = scope == null || scope.isBlank() ? null : scope;
        }

        /** Filled from each recipient's values of a scope kind: no type, default or trial value of its own. */
        public boolean isBound() {
            return scope != null;
        }

        public boolean isChoice() {
            return "CHOICE".equals(type) || "MULTI_CHOICE".equals(type);
        }

        /** How a value of this type is typed, for the fields' hints. */
        public String getHint() {
            return switch (type == null ? "" : type) {
                case "DATE" -> "2026-12-01 or TODAY, YESTERDAY…";
                case "DATE_RANGE" -> "LAST_WEEK or 2026-11-01..2026-11-30";
                case "NUMBER" -> "a number, e.g. 10";
                case "BOOLEAN" -> "true or false";
                case "MULTI_CHOICE" -> "options, separated by commas";
                default -> "";
            };
        }
    }

    /** One declared column: how the query's column is labelled and formatted in the files. */
    public static class ColumnRow implements Serializable {
        private String name;
        private String label;
        private String type;
        private String format;
        private boolean total;

        public String getName() {
            return name;
        }

        public String getLabel() {
            return label;
        }

        public void setLabel(String label) {
            this.label = label;
        }

        public String getType() {
            return type;
        }

        public String getFormat() {
            return format;
        }

        public void setFormat(String format) {
            this.format = format;
        }

        public boolean isTotal() {
            return total;
        }

        public void setTotal(boolean total) {
            this.total = total;
        }
    }

    /** A problem with the query, on its line when the server named one (0 when not). */
    public record SqlProblem(int line, String message) implements Serializable {}

    @PostConstruct
    void init() {
        reports = new PagedModel<>((page, size) -> catalog.sqlReports(query, page, size), ReportSummary::key);
        String requested = Faces.getRequestParameter("key");
        if (requested != null && !requested.isBlank()) {
            edit(requested);
        }
    }

    public void newReport() {
        clearProblems();
        open = true;
        editingKey = null;
        key = "";
        name = "";
        category = "";
        description = "";
        sql = "SELECT id, name\nFROM usage_tenant\nORDER BY name";
        parameters = new ArrayList<>();
        columns = new ArrayList<>();
        preview = null;
    }

    public void edit(String reportKey) {
        clearProblems();
        preview = null;
        try {
            SqlReportInput report = catalog.sqlReport(reportKey);
            open = true;
            editingKey = report.key();
            key = report.key();
            name = report.name();
            category = report.category();
            description = report.description();
            sql = report.sql();
            parameters = new ArrayList<>();
            for (SqlReportInput.ParameterInput p : report.parameters()) {
                ParameterRow row = new ParameterRow();
                row.name = p.name();
                row.label = p.label();
                row.type = p.type();
                row.required = Boolean.TRUE.equals(p.required());
                row.defaultValue = ParameterText.text(p.defaultValue());
                row.options = p.options() == null ? "" : String.join(", ", p.options());
                row.lookupSql = p.lookupSql();
                row.scope = p.scope();
                parameters.add(row);
            }
            columns = new ArrayList<>();
            for (SqlReportInput.ColumnInput c : report.columns()) {
                ColumnRow row = new ColumnRow();
                row.name = c.name();
                row.label = c.label();
                row.type = c.type();
                row.format = c.format();
                row.total = Boolean.TRUE.equals(c.total());
                columns.add(row);
            }
        } catch (NotFoundException e) {
            open = false;
            Messages.addGlobalError("There is no SQL report " + reportKey + ".");
        } catch (ConflictException e) {
            open = false;
            Messages.addGlobalError(e.getMessage());
        }
    }

    public void close() {
        open = false;
        preview = null;
        clearProblems();
    }

    public void addParameter() {
        if (parameters.size() >= ReportCatalog.MAX_PARAMETERS) {
            Messages.addError(
                    FORM + "addParameter", "A report has at most " + ReportCatalog.MAX_PARAMETERS + " parameters.");
            return;
        }
        ParameterRow row = new ParameterRow();
        row.name = "";
        row.label = "";
        parameters.add(row);
    }

    public void removeParameter(int index) {
        if (index >= 0 && index < parameters.size()) {
            parameters.remove(index);
        }
    }

    /** Forgets the declared columns: the next trial or save reads them from the query again. */
    public void readColumnsFromQuery() {
        columns = new ArrayList<>();
        Messages.addGlobalInfo("The columns are read from the query when it is tried or saved.");
    }

    public void tryReport() {
        clearProblems();
        preview = null;
        try {
            preview = catalog.trySqlReport(editingKey, input(), criteria(), PREVIEW_ROWS);
        } catch (ValidationException e) {
            show(e);
        } catch (NotFoundException e) {
            Messages.addGlobalError("This report no longer exists; save it as a new one.");
            editingKey = null;
        } catch (RuntimeException e) {
            if (e.getCause() != null && e.getMessage() != null && e.getMessage().contains("options")) {
                Messages.addGlobalError(e.getMessage());
                Faces.validationFailed();
            } else {
                throw e;
            }
        }
    }

    public void save() {
        clearProblems();
        try {
            ReportDetail saved = editingKey == null
                    ? catalog.createSqlReport(input(), Faces.getRemoteAddr())
                    : catalog.updateSqlReport(editingKey, input(), Faces.getRemoteAddr());
            Messages.addGlobalInfo("The report " + saved.name() + " is saved.");
            edit(saved.key());
            preview = null;
        } catch (ValidationException e) {
            show(e);
        } catch (NotFoundException e) {
            Messages.addGlobalError("This report no longer exists; save it as a new one.");
            editingKey = null;
        }
    }

    public void delete(String reportKey) {
        try {
            catalog.deleteSqlReport(reportKey, Faces.getRemoteAddr());
            Messages.addGlobalInfo("The report " + reportKey + " is deleted.");
            if (reportKey.equals(editingKey)) {
                open = false;
                editingKey = null;
            }
        } catch (NotFoundException e) {
            Messages.addGlobalError("That report no longer exists.");
        } catch (ConflictException e) {
            Messages.addGlobalError(e.getMessage());
        }
    }

    private SqlReportInput input() {
        List<SqlReportInput.ParameterInput> declared = new ArrayList<>();
        for (ParameterRow row : parameters) {
            if (row.isBound()) {
                declared.add(new SqlReportInput.ParameterInput(
                        row.name, row.label, "MULTI_CHOICE", false, null, null, null, row.scope));
                continue;
            }
            List<String> options = row.isChoice() ? ParameterText.list(row.options) : null;
            declared.add(new SqlReportInput.ParameterInput(
                    row.name,
                    row.label,
                    row.type,
                    row.required,
                    ParameterText.json(row.type, row.defaultValue),
                    options,
                    row.isChoice() && row.lookupSql != null && !row.lookupSql.isBlank() ? row.lookupSql : null));
        }
        List<SqlReportInput.ColumnInput> declaredColumns = columns.stream()
                .map(c -> new SqlReportInput.ColumnInput(
                        c.name,
                        c.label,
                        c.type,
                        c.format == null || c.format.isBlank() ? null : c.format.strip(),
                        c.total))
                .toList();
        return new SqlReportInput(key, name, description, category, sql, declared, declaredColumns);
    }

    /** The values typed for the trial; a parameter without one gets its default on the server. */
    private JsonObject criteria() {
        JsonObjectBuilder criteria = Json.createObjectBuilder();
        for (ParameterRow row : parameters) {
            if (row.isBound()) {
                continue; // the server refuses criteria for it: a trial covers every value
            }
            JsonValue value = ParameterText.json(row.type, row.previewValue);
            if (value != null && row.name != null && !row.name.isBlank()) {
                criteria.add(row.name.strip(), value);
            }
        }
        return criteria.build();
    }

    private void show(ValidationException e) {
        List<SqlProblem> onSql = new ArrayList<>();
        List<String> other = new ArrayList<>();
        for (ValidationException.FieldError error : e.errors()) {
            String field = error.field();
            String clientId = clientId(field);
            if ("sql".equals(field)) {
                onSql.add(new SqlProblem(
                        SqlLines.lineOf(error.message()).orElse(0), SqlLines.withoutLine(error.message())));
            } else if (clientId != null) {
                Messages.addError(FORM + clientId, error.message());
            } else {
                other.add(error.message());
            }
        }
        sqlProblems = List.copyOf(onSql);
        otherProblems = List.copyOf(other);
        Faces.validationFailed();
    }

    /** The id (inside the form) of the field a server error names, or null for none. */
    private String clientId(String field) {
        if (Set.of("key", "name", "description", "category").contains(field)) {
            return field;
        }
        Matcher parameter = PARAMETER_FIELD.matcher(field);
        if (parameter.matches()) {
            String part = parameter.group(2);
            return "parameters:" + parameter.group(1) + ":"
                    + switch (part) {
                        case "type" -> "type";
                        case "options" -> "options";
                        case "lookupSql" -> "lookupSql";
                        case "scope" -> "scope";
                        default -> "name";
                    };
        }
        Matcher named = NAMED_FIELD.matcher(field);
        if (named.matches()) {
            for (int i = 0; i < parameters.size(); i++) {
                if (named.group(2)
                        .equals(
                                parameters.get(i).name == null
                                        ? null
                                        : parameters.get(i).name.strip())) {
                    return "parameters:" + i + ":"
                            + (named.group(1).equals("criteria") ? "previewValue" : "defaultValue");
                }
            }
        }
        return null;
    }

    private void clearProblems() {
        sqlProblems = List.of();
        otherProblems = List.of();
    }

    /** The lines of the query, numbered, each marked when a problem is on it: the editor's gutter. */
    public List<Integer> getLineNumbers() {
        int count = sql == null ? 1 : (int) sql.chars().filter(c -> c == '\n').count() + 1;
        List<Integer> lines = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            lines.add(i);
        }
        return lines;
    }

    public Set<Integer> getProblemLines() {
        Set<Integer> lines = new LinkedHashSet<>();
        sqlProblems.stream().filter(p -> p.line() > 0).forEach(p -> lines.add(p.line()));
        return lines;
    }

    /** The problem lines as the gutter's script reads them: "3 7". */
    public String getProblemLinesText() {
        return String.join(" ", getProblemLines().stream().map(String::valueOf).toList());
    }

    /**
     * A pale band behind each line with a problem, in the text itself: one background per line, set
     * where the line stands (the text's top padding plus its line height per line) and scrolled with
     * the text. The sizes are those of sql-reports.css.
     */
    public String getSqlMarkStyle() {
        Set<Integer> lines = getProblemLines();
        if (lines.isEmpty()) {
            return null;
        }
        List<String> images = new ArrayList<>();
        List<String> positions = new ArrayList<>();
        List<String> sizes = new ArrayList<>();
        for (int line : lines) {
            images.add("linear-gradient(#fee2e2, #fee2e2)");
            positions.add("0 calc(0.5rem + " + (line - 1) + " * 1.25rem)");
            sizes.add("100% 1.25rem");
        }
        return "background-image: " + String.join(", ", images) + "; background-position: "
                + String.join(", ", positions) + "; background-size: " + String.join(", ", sizes)
                + "; background-repeat: no-repeat; background-attachment: local";
    }

    public String cell(Object value) {
        if (value == null) {
            return "";
        }
        return value instanceof BigDecimal number ? number.toPlainString() : value.toString();
    }

    public List<String> getTypes() {
        return TYPES;
    }

    public String typeLabel(String type) {
        return switch (type) {
            case "TEXT" -> "Text";
            case "NUMBER" -> "Number";
            case "DATE" -> "Date";
            case "DATE_RANGE" -> "Date range";
            case "BOOLEAN" -> "Yes or no";
            case "CHOICE" -> "Choice";
            case "MULTI_CHOICE" -> "Several choices";
            default -> type;
        };
    }

    public int getPreviewRows() {
        return PREVIEW_ROWS;
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query == null ? null : query.substring(0, Math.min(query.length(), 200));
    }

    public PagedModel<ReportSummary> getReports() {
        return reports;
    }

    public boolean isOpen() {
        return open;
    }

    public boolean isEditing() {
        return editingKey != null;
    }

    public String getEditingKey() {
        return editingKey;
    }

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getSql() {
        return sql;
    }

    /** Browsers send a text area's line breaks as CR LF; the query keeps them as the person sees them, LF. */
    public void setSql(String sql) {
        this.sql = lineFeeds(sql);
    }

    static String lineFeeds(String text) {
        return text == null ? null : text.replace("\r\n", "\n").replace('\r', '\n');
    }

    public List<ParameterRow> getParameters() {
        return parameters;
    }

    public List<ColumnRow> getColumns() {
        return columns;
    }

    public List<SqlProblem> getSqlProblems() {
        return sqlProblems;
    }

    public List<String> getOtherProblems() {
        return otherProblems;
    }

    public SqlPreviewView getPreview() {
        return preview;
    }

    /** The typed text of a parameter value and its JSON form, by type. */
    static final class ParameterText {

        private static final String RANGE = "..";

        private ParameterText() {}

        static JsonValue json(String type, String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            String value = text.strip();
            switch (type == null ? "" : type) {
                case "NUMBER" -> {
                    try {
                        return Json.createValue(new BigDecimal(value));
                    } catch (NumberFormatException notANumber) {
                        return Json.createValue(value);
                    }
                }
                case "BOOLEAN" -> {
                    if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("yes")) {
                        return JsonValue.TRUE;
                    }
                    if (value.equalsIgnoreCase("false") || value.equalsIgnoreCase("no")) {
                        return JsonValue.FALSE;
                    }
                    return Json.createValue(value);
                }
                case "DATE_RANGE" -> {
                    int dots = value.indexOf(RANGE);
                    if (dots > 0) {
                        return Json.createObjectBuilder()
                                .add("from", value.substring(0, dots).strip())
                                .add(
                                        "to",
                                        value.substring(dots + RANGE.length()).strip())
                                .build();
                    }
                    return Json.createValue(value);
                }
                case "MULTI_CHOICE" -> {
                    var array = Json.createArrayBuilder();
                    list(value).forEach(array::add);
                    return array.build();
                }
                default -> {
                    return Json.createValue(value);
                }
            }
        }

        static String text(JsonValue value) {
            if (value == null) {
                return "";
            }
            return switch (value.getValueType()) {
                case STRING -> ((jakarta.json.JsonString) value).getString();
                case NUMBER ->
                    ((jakarta.json.JsonNumber) value).bigDecimalValue().toPlainString();
                case TRUE -> "true";
                case FALSE -> "false";
                case NULL -> "";
                case ARRAY ->
                    String.join(
                            ", ",
                            value.asJsonArray().stream()
                                    .map(ParameterText::text)
                                    .toList());
                case OBJECT ->
                    value.asJsonObject().getString("from", "")
                            + RANGE
                            + value.asJsonObject().getString("to", "");
            };
        }

        static List<String> list(String text) {
            if (text == null || text.isBlank()) {
                return List.of();
            }
            return Arrays.stream(text.split(","))
                    .map(String::strip)
                    .filter(s -> !s.isEmpty())
                    .toList();
        }
    }
}
