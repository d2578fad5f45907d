package dev.herald.settings.boundary;

/** The organisation's settings were changed (a CDI event, fired in the transaction that changed them). */
public record OrganisationChanged(OrganisationView now) {}
