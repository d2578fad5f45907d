package dev.herald.usage.boundary;

import java.util.List;

/** The tenants list's filter: name contains, and any of the statuses, plans and regions (empty: any). */
public record TenantFilter(String name, List<String> status, List<String> plan, List<String> region) {

    public TenantFilter {
        name = name == null || name.isBlank() ? null : name.strip();
        status = status == null ? List.of() : List.copyOf(status);
        plan = plan == null ? List.of() : List.copyOf(plan);
        region = region == null ? List.of() : List.copyOf(region);
    }

    public static TenantFilter none() {
        return new TenantFilter(null, null, null, null);
    }
}
