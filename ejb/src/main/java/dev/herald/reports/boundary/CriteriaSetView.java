package dev.herald.reports.boundary;

import jakarta.json.JsonObject;
import java.time.Instant;

/** A saved criteria set. */
public record CriteriaSetView(long id, String reportKey, String name, JsonObject criteria, Instant updatedAt) {}
