package dev.herald.platform.control;

import dev.herald.platform.boundary.Health;

/**
 * One part of Herald's health, told by the component it belongs to; the health service asks every
 * one it finds. So the platform knows no component above it, and a new component adds its own check.
 */
public interface HealthIndicator {

    Health.Check check();
}
