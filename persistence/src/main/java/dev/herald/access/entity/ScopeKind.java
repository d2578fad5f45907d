package dev.herald.access.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A kind of thing in the reporting data that an account can be limited to (a promoter, a company, a
 * tenant). Its lookup query, run as the reporting account, answers the values (first column) and
 * their names (second); accounts hold values of kinds, and a report parameter bound to the kind is
 * filled from the recipient's values.
 */
@Entity
@Table(name = "scope_kind")
@NamedQuery(name = ScopeKind.ALL, query = "SELECT k FROM ScopeKind k ORDER BY k.label, k.kind")
public class ScopeKind {

    public static final String ALL = "ScopeKind.all";

    /** Values are text. */
    public static final String TEXT = "TEXT";

    /** Values are whole numbers (bound to SQL as BIGINT). */
    public static final String NUMBER = "NUMBER";

    @Id
    @Column(length = 40)
    private String kind;

    @Column(nullable = false, length = 100)
    private String label;

    @Column(name = "value_type", nullable = false, length = 10)
    private String valueType = TEXT;

    @Column(name = "lookup_sql", nullable = false, length = 4000)
    private String lookupSql;

    @Version
    private long version;

    protected ScopeKind() {}

    public ScopeKind(String kind) {
        this.kind = kind;
    }

    public String getKind() {
        return kind;
    }

    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }

    public String getValueType() {
        return valueType;
    }

    public void setValueType(String valueType) {
        this.valueType = valueType;
    }

    public boolean isNumeric() {
        return NUMBER.equals(valueType);
    }

    public String getLookupSql() {
        return lookupSql;
    }

    public void setLookupSql(String lookupSql) {
        this.lookupSql = lookupSql;
    }

    public long getVersion() {
        return version;
    }
}
