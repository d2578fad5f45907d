package dev.herald.access.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/** One value of one scope kind that an account is limited to (see {@link ScopeKind}). */
@Embeddable
public class AccountScope {

    @Column(nullable = false, length = 40)
    private String kind;

    @Column(name = "scope_value", nullable = false, length = 200)
    private String value;

    protected AccountScope() {}

    public AccountScope(String kind, String value) {
        this.kind = kind;
        this.value = value;
    }

    public String getKind() {
        return kind;
    }

    public String getValue() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AccountScope that && kind.equals(that.kind) && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, value);
    }
}
