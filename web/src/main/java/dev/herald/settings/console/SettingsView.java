package dev.herald.settings.console;

import dev.herald.access.entity.SecurityRoles;
import dev.herald.mail.boundary.MailServerService;
import dev.herald.mail.boundary.MailServerView;
import dev.herald.mail.boundary.TestMailResult;
import dev.herald.platform.boundary.ExpectedVersion;
import dev.herald.platform.boundary.StaleVersionException;
import dev.herald.platform.boundary.ValidationException;
import dev.herald.runs.boundary.HousekeepingService;
import dev.herald.runs.boundary.HousekeepingView;
import dev.herald.settings.boundary.OrganisationView;
import dev.herald.settings.boundary.SettingsService;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/**
 * The organisation's settings: every member of staff reads them, Manage Settings changes them. The
 * attachment limit is shown in MiB (the API counts bytes); the boundary checks every field.
 */
@Named
@ViewScoped
public class SettingsView implements Serializable {

    private static final BigDecimal MIB = BigDecimal.valueOf(1024L * 1024);
    private static final String FORM = "settings:";

    @Inject
    SettingsService settings;

    @Inject
    HousekeepingService housekeeping;

    @Inject
    MailServerService mailServer;

    /** The version of the settings this page shows; saving over a later one is refused (issue 20). */
    private long version;

    private String clientName;
    private String timeZone;
    private String currency;
    private String fromAddress;
    private BigDecimal attachmentLimitMib;
    private Integer linkLifetimeDays;
    private Integer fileRetentionDays;
    private Integer runHistoryRetentionDays;
    private HousekeepingView housekeepingState;
    private MailServerView mail;
    private String testTo;
    private TestMailResult testResult;

    @PostConstruct
    void init() {
        show(settings.organisationForStaff());
    }

    private void show(OrganisationView organisation) {
        version = organisation.version();
        clientName = organisation.clientName();
        timeZone = organisation.timeZone();
        currency = organisation.currency();
        fromAddress = organisation.fromAddress();
        attachmentLimitMib = BigDecimal.valueOf(organisation.attachmentLimitBytes())
                .divide(MIB, 2, RoundingMode.HALF_UP)
                .stripTrailingZeros();
        linkLifetimeDays = organisation.linkLifetimeDays();
        fileRetentionDays = organisation.fileRetentionDays();
        runHistoryRetentionDays = organisation.runHistoryRetentionDays();
        housekeepingState = housekeeping.state();
        mail = mailServer.server();
    }

    /** Sends a test e-mail at once; the answer (accepted, or why not) shows under the button. */
    public void sendTest() {
        try {
            testResult = mailServer.sendTest(testTo);
            mail = mailServer.server();
        } catch (ValidationException e) {
            testResult = null;
            e.errors().forEach(error -> Messages.addError("mail:testTo", error.message()));
            Faces.validationFailed();
        }
    }

    public MailServerView getMail() {
        return mail;
    }

    public String getTestTo() {
        return testTo;
    }

    public void setTestTo(String testTo) {
        this.testTo = testTo;
    }

    public TestMailResult getTestResult() {
        return testResult;
    }

    public void save() {
        long attachmentBytes = attachmentLimitMib == null
                ? 0
                : attachmentLimitMib
                        .multiply(MIB)
                        .setScale(0, RoundingMode.HALF_UP)
                        .longValue();
        OrganisationView input = new OrganisationView(
                clientName,
                timeZone,
                fromAddress,
                attachmentBytes,
                linkLifetimeDays == null ? 0 : linkLifetimeDays,
                fileRetentionDays == null ? 0 : fileRetentionDays,
                runHistoryRetentionDays == null ? 0 : runHistoryRetentionDays,
                currency == null ? "" : currency,
                0);
        try {
            show(settings.update(input, ExpectedVersion.of(version), Faces.getRemoteAddr()));
            Messages.addGlobalInfo("The settings are saved.");
        } catch (ValidationException e) {
            e.errors().forEach(error -> Messages.addError(FORM + fieldOf(error.field()), message(error)));
            Faces.validationFailed();
        } catch (StaleVersionException e) {
            // What was typed stays on the page; the next Save is made against their version, knowingly.
            version = e.currentVersion();
            Messages.addGlobalError("The settings were changed by someone else since you opened this page; nothing"
                    + " was saved, and what you typed is still here. Press Save settings again to replace their"
                    + " change with yours, or reload the page to see theirs.");
            Faces.validationFailed();
        }
    }

    private static String fieldOf(String field) {
        return "attachmentLimitBytes".equals(field) ? "attachmentLimit" : field;
    }

    private static String message(ValidationException.FieldError error) {
        return "attachmentLimitBytes".equals(error.field())
                ? "Between 0.01 MiB (about 1 KiB) and 100 MiB."
                : error.message();
    }

    public boolean isReadOnly() {
        return !Faces.isUserInRole(SecurityRoles.MANAGE_SETTINGS);
    }

    public String getClientName() {
        return clientName;
    }

    public void setClientName(String clientName) {
        this.clientName = clientName;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    public String getFromAddress() {
        return fromAddress;
    }

    public void setFromAddress(String fromAddress) {
        this.fromAddress = fromAddress;
    }

    public BigDecimal getAttachmentLimitMib() {
        return attachmentLimitMib;
    }

    public void setAttachmentLimitMib(BigDecimal attachmentLimitMib) {
        this.attachmentLimitMib = attachmentLimitMib;
    }

    public Integer getLinkLifetimeDays() {
        return linkLifetimeDays;
    }

    public void setLinkLifetimeDays(Integer linkLifetimeDays) {
        this.linkLifetimeDays = linkLifetimeDays;
    }

    public Integer getFileRetentionDays() {
        return fileRetentionDays;
    }

    public void setFileRetentionDays(Integer fileRetentionDays) {
        this.fileRetentionDays = fileRetentionDays;
    }

    public Integer getRunHistoryRetentionDays() {
        return runHistoryRetentionDays;
    }

    public void setRunHistoryRetentionDays(Integer runHistoryRetentionDays) {
        this.runHistoryRetentionDays = runHistoryRetentionDays;
    }

    /** The last purge as one sentence: what it removed, and how much space that was. */
    public String getLastPurgeSummary() {
        HousekeepingView.LastPurge last = housekeepingState.lastPurge();
        if (last == null) {
            return "Nothing has been purged yet.";
        }
        return last.files() + (last.files() == 1 ? " file" : " files") + " ("
                + BigDecimal.valueOf(last.bytes())
                        .divide(MIB, 1, RoundingMode.HALF_UP)
                        .toPlainString()
                + " MiB) and " + last.runs() + (last.runs() == 1 ? " run" : " runs") + " removed by " + last.instance()
                + ".";
    }

    /** How long an on-demand file is kept, in whole hours (or minutes when shorter). */
    public String getOnDemandFileLifetime() {
        long minutes = housekeepingState.onDemandFileLifetime().toMinutes();
        return minutes >= 60 && minutes % 60 == 0 ? (minutes / 60) + " hours" : minutes + " minutes";
    }

    /** What housekeeping keeps and what it last did, read when the page loads and after each save. */
    public HousekeepingView getHousekeeping() {
        return housekeepingState;
    }
}
