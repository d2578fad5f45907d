package dev.herald.reports.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

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
}
