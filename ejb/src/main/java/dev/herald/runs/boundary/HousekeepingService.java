package dev.herald.runs.boundary;

import dev.herald.access.entity.SecurityRoles;
import dev.herald.runs.control.HousekeepingJournal;
import dev.herald.runs.control.OnDemandSettings;
import dev.herald.settings.boundary.OrganisationView;
import dev.herald.settings.boundary.SettingsService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/** Housekeeping as staff read it beside the settings: what is kept how long, and the last purge. */
@Stateless
@RolesAllowed(SecurityRoles.STAFF)
public class HousekeepingService {

    @Inject
    HousekeepingJournal journal;

    @Inject
    SettingsService settings;

    @Inject
    OnDemandSettings onDemand;

    public HousekeepingView state() {
        OrganisationView organisation = settings.organisation();
        HousekeepingJournal.State state = journal.state();
        return new HousekeepingView(
                organisation.fileRetentionDays(),
                organisation.linkLifetimeDays(),
                organisation.runHistoryRetentionDays(),
                onDemand.fileLifetime(),
                onDemand.maxWaiting(),
                state.lastPassAt(),
                state.lastPurgeAt() == null
                        ? null
                        : new HousekeepingView.LastPurge(
                                state.lastPurgeAt(),
                                state.lastPurgeInstance(),
                                state.lastPurgeFiles(),
                                state.lastPurgeBytes(),
                                state.lastPurgeRuns()));
    }
}
