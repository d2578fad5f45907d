package dev.herald.reports.boundary;

import jakarta.json.JsonObject;

/** A criteria set's name and values, keyed by parameter name. */
public record CriteriaSetInput(String name, JsonObject criteria) {}
