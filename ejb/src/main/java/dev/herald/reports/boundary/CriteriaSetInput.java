package dev.herald.reports.boundary;

import jakarta.json.JsonObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A criteria set's name and values, keyed by parameter name. */
public record CriteriaSetInput(
        @Schema(required = true, example = "Last week") String name,

        @Schema(
                description =
                        "Parameter name to value: a date (2026-12-07), a relative date (TODAY, START_OF_LAST_WEEK, …), a range {\"from\": …, \"to\": …}, a number, text or a list for multi-select parameters; see the report's parameters")
        JsonObject criteria) {}
