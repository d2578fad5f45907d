package dev.herald.usage.boundary;

import java.time.LocalDate;

/**
 * A usage report to generate now. {@code scope} TENANT (with {@code tenantId}), ALL, or FILTERED
 * (with {@code filter}); {@code delimiter} COMMA or PIPE; {@code period} LAST_7_DAYS, LAST_30_DAYS,
 * LAST_MONTH or CUSTOM (with {@code from} and {@code to}); {@code daily} one row per tenant and day.
 * With {@code schedule}, a scheduled task with the same tenants is made as well.
 */
public record UsageReportInput(
        String name,
        String description,
        String scope,
        Long tenantId,
        TenantFilter filter,
        String delimiter,
        String period,
        LocalDate from,
        LocalDate to,
        Boolean daily,
        ScheduledTaskInput schedule) {}
