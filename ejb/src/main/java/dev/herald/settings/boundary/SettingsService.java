package dev.herald.settings.boundary;

import dev.herald.access.entity.SecurityRoles;
import dev.herald.audit.boundary.AuditLog;
import dev.herald.audit.boundary.AuditRecord;
import dev.herald.platform.boundary.ExpectedVersion;
import dev.herald.platform.boundary.ValidationException;
import dev.herald.platform.control.EmailAddresses;
import dev.herald.settings.entity.OrganisationSettings;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;

/**
 * The organisation's settings. Every part of Herald reads them; Manage Settings changes them, and
 * each change is audited with before and after.
 */
@Stateless
@PermitAll
public class SettingsService {

    static final long MAX_ATTACHMENT_BYTES = 100L * 1024 * 1024;
    static final int MAX_RETENTION_DAYS = 3650;

    @PersistenceContext(unitName = "herald")
    EntityManager em;

    @Resource
    SessionContext session;

    @Inject
    AuditLog auditLog;

    /** Tells those who keep a copy of the settings (the run engine) that they changed. */
    @Inject
    Event<OrganisationChanged> changed;

    public OrganisationView organisation() {
        return view(em.find(OrganisationSettings.class, OrganisationSettings.ID));
    }

    /** The same, for the API and the console: staff only, since it names the sender address. */
    @RolesAllowed(SecurityRoles.STAFF)
    public OrganisationView organisationForStaff() {
        return organisation();
    }

    public ZoneId zone() {
        return ZoneId.of(organisation().timeZone());
    }

    @RolesAllowed(SecurityRoles.MANAGE_SETTINGS)
    public OrganisationView update(OrganisationView input, String remoteAddress) {
        return update(input, ExpectedVersion.missing(), remoteAddress);
    }

    /** Changes the settings; a version given (If-Match) is compared under the row's lock. */
    @RolesAllowed(SecurityRoles.MANAGE_SETTINGS)
    public OrganisationView update(OrganisationView input, ExpectedVersion expected, String remoteAddress) {
        if (input == null) {
            throw ValidationException.of("clientName", "Send the settings.");
        }
        ValidationException.Builder problems = ValidationException.builder();
        String clientName = input.clientName() == null ? "" : input.clientName().strip();
        if (clientName.isEmpty()) {
            problems.add("clientName", "Enter the organisation's name; e-mails and reports show it.");
        } else if (clientName.length() > 200) {
            problems.add("clientName", "The name has at most 200 characters.");
        }
        String zone = input.timeZone() == null ? "" : input.timeZone().strip();
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            problems.add("timeZone", "Choose a time zone such as Europe/London; '" + zone + "' is not one.");
        }
        String from = input.fromAddress() == null || input.fromAddress().isBlank()
                ? null
                : input.fromAddress().strip();
        if (from != null && !EmailAddresses.isValid(from)) {
            problems.add("fromAddress", from + " is not an e-mail address.");
        }
        if (input.attachmentLimitBytes() < 1024 || input.attachmentLimitBytes() > MAX_ATTACHMENT_BYTES) {
            problems.add("attachmentLimitBytes", "Between 1 KiB (1024) and 100 MiB (104857600) bytes.");
        }
        if (input.linkLifetimeDays() < 1 || input.linkLifetimeDays() > 365) {
            problems.add("linkLifetimeDays", "A link lives between 1 and 365 days.");
        }
        if (input.fileRetentionDays() < 1 || input.fileRetentionDays() > MAX_RETENTION_DAYS) {
            problems.add("fileRetentionDays", "Files are kept between 1 and 3650 days.");
        }
        OrganisationSettings settings =
                em.find(OrganisationSettings.class, OrganisationSettings.ID, LockModeType.PESSIMISTIC_WRITE);
        expected.checkIfGiven("settings", "organisation", settings.getVersion());
        int history = input.runHistoryRetentionDays() == null
                ? settings.getRunHistoryRetentionDays()
                : input.runHistoryRetentionDays();
        checkRunHistory(history, input, problems);
        String currency = input.currency() == null ? settings.getCurrency() : currencyCode(input.currency(), problems);
        problems.throwIfAny();
        OrganisationView before = view(settings);
        settings.setClientName(clientName);
        settings.setTimeZone(zone);
        settings.setFromAddress(from);
        settings.setAttachmentLimitBytes(input.attachmentLimitBytes());
        settings.setLinkLifetimeDays(input.linkLifetimeDays());
        settings.setFileRetentionDays(input.fileRetentionDays());
        settings.setRunHistoryRetentionDays(history);
        settings.setCurrency(currency);
        em.flush();
        OrganisationView after = view(settings);
        auditLog.record(AuditRecord.of(session.getCallerPrincipal().getName(), "settings.update", remoteAddress)
                .about("settings", "organisation")
                .change(before, after));
        changed.fire(new OrganisationChanged(after));
        return after;
    }

    /**
     * Runs are kept between 1 and 3650 days, and at least as long as files and links: a run that
     * went earlier would take its still-kept file with it, and turn a working link into an unknown one.
     */
    private static void checkRunHistory(int days, OrganisationView input, ValidationException.Builder problems) {
        if (days < 1 || days > MAX_RETENTION_DAYS) {
            problems.add("runHistoryRetentionDays", "Runs are kept between 1 and 3650 days.");
            return;
        }
        boolean filesValid = !problems.hasErrorOn("fileRetentionDays");
        boolean linksValid = !problems.hasErrorOn("linkLifetimeDays");
        int atLeast = Math.max(filesValid ? input.fileRetentionDays() : 0, linksValid ? input.linkLifetimeDays() : 0);
        if (days < atLeast) {
            problems.add(
                    "runHistoryRetentionDays",
                    "Keep runs at least as long as files and links (" + atLeast
                            + " days): a run takes its file and its links with it.");
        }
    }

    private static OrganisationView view(OrganisationSettings s) {
        return new OrganisationView(
                s.getClientName(),
                s.getTimeZone(),
                s.getFromAddress(),
                s.getAttachmentLimitBytes(),
                s.getLinkLifetimeDays(),
                s.getFileRetentionDays(),
                s.getRunHistoryRetentionDays(),
                s.getCurrency(),
                s.getVersion());
    }

    /** An ISO 4217 currency code as typed (any case, spaces around), or a problem on {@code currency}. */
    static String currencyCode(String typed, ValidationException.Builder problems) {
        String code = typed.strip().toUpperCase(Locale.ROOT);
        if (code.length() == 3 && code.chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
            try {
                return Currency.getInstance(code).getCurrencyCode();
            } catch (IllegalArgumentException unknown) {
                // named below
            }
        }
        problems.add(
                "currency",
                "Choose a currency by its three-letter code, such as GBP, EUR or USD; '"
                        + (code.length() > 10 ? code.substring(0, 10) + "…" : code)
                        + "' is not one.");
        return null;
    }
}
