package dev.herald.reports.boundary;

import dev.herald.platform.boundary.Versioned;
import jakarta.json.JsonObject;
import java.time.Instant;

/** A saved criteria set; {@code version} is its entity tag in the API. */
public record CriteriaSetView(
        long id, String reportKey, String name, JsonObject criteria, Instant updatedAt, long version)
        implements Versioned {}
