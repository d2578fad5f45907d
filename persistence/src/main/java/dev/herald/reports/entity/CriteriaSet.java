package dev.herald.reports.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** Named, saved parameter values for one report, as a JSON object. A schedule item copies them. */
@Entity
@Table(name = "criteria_set")
public class CriteriaSet {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "report_id", nullable = false)
    private ReportDefinition report;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(nullable = false, length = 20000)
    private String criteria;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected CriteriaSet() {}

    public CriteriaSet(ReportDefinition report, String name, String criteria, Instant now) {
        this.report = report;
        this.name = name;
        this.criteria = criteria;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public Long getId() {
        return id;
    }

    public ReportDefinition getReport() {
        return report;
    }

    public String getName() {
        return name;
    }

    public String getCriteria() {
        return criteria;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }

    public void change(String name, String criteria, Instant now) {
        this.name = name;
        this.criteria = criteria;
        this.updatedAt = now;
    }
}
