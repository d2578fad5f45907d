package dev.herald.reports.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A report of the catalog, known by its key. */
@Entity
@Table(name = "report_definition")
@NamedQuery(name = ReportDefinition.BY_KEY, query = "SELECT r FROM ReportDefinition r WHERE r.key = :key")
public class ReportDefinition {

    public static final String BY_KEY = "ReportDefinition.byKey";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "report_key", nullable = false, unique = true, length = 100)
    private String key;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(length = 2000)
    private String description;

    @Column(length = 100)
    private String category;

    @Column(name = "built_in", nullable = false)
    private boolean builtIn;

    /** One SELECT with named parameters ({@code :name}) over the reporting data source. */
    @Column(name = "query_sql", length = 20000)
    private String querySql;

    /** The report's parameters, as a JSON array (see dev.herald.reports.control.ReportSpecs). */
    @Column(name = "parameters_json", length = 20000)
    private String parametersJson;

    /** The report's columns, as a JSON array. */
    @Column(name = "columns_json", length = 20000)
    private String columnsJson;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Version
    private long version;

    protected ReportDefinition() {}

    public ReportDefinition(String key, String name, String description, String category) {
        this.key = key;
        this.name = name;
        this.description = description;
        this.category = category;
    }

    public Long getId() {
        return id;
    }

    public String getKey() {
        return key;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public String getCategory() {
        return category;
    }

    public boolean isBuiltIn() {
        return builtIn;
    }

    public String getQuerySql() {
        return querySql;
    }

    public String getParametersJson() {
        return parametersJson;
    }

    public String getColumnsJson() {
        return columnsJson;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    /** Replaces everything but the key. */
    public ReportDefinition define(
            String name,
            String description,
            String category,
            boolean builtIn,
            String querySql,
            String parametersJson,
            String columnsJson,
            Instant now) {
        this.name = name;
        this.description = description;
        this.category = category;
        this.builtIn = builtIn;
        this.querySql = querySql;
        this.parametersJson = parametersJson;
        this.columnsJson = columnsJson;
        this.updatedAt = now;
        return this;
    }
}
