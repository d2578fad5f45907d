package dev.herald.summaries.console;

import dev.herald.platform.boundary.ExpectedVersion;
import dev.herald.platform.boundary.NotFoundException;
import dev.herald.platform.boundary.StaleVersionException;
import dev.herald.platform.boundary.ValidationException;
import dev.herald.platform.console.PagedModel;
import dev.herald.runs.boundary.RunView;
import dev.herald.summaries.boundary.SentSummaryView;
import dev.herald.summaries.boundary.SummaryPreviewView;
import dev.herald.summaries.boundary.SummaryReportService;
import dev.herald.summaries.boundary.SummarySettingsView;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/**
 * The weekly summary reports (Configure Summary Reports): their settings with the next send times,
 * a test send, and the summaries sent so far with every recipient's link, which can be withdrawn.
 * Recipients are typed as in a schedule: separated by commas, semicolons or new lines.
 */
@Named
@ViewScoped
public class SummaryReportsView implements Serializable {

    private static final String FORM = "summarySettings:";

    @Inject
    SummaryReportService summaries;

    private boolean enabled;
    /** The version of the settings this page shows; saving over a later one is refused (issue 20). */
    private long version;

    private String organisationName;
    private String ownerEmails;
    private String managerEmails;
    private Integer periodDays;
    private String sendDay;
    private String sendTime;
    private String timeZone;
    private List<Instant> nextSends;
    private String testTo;
    private PagedModel<SentSummaryView> sent;
    private SummaryPreviewView preview;
    /** The linked summary page's style sheet, the same one {@code /summary/style.css} serves. */
    private static final String SUMMARY_STYLE = "/dev/herald/summaries/link/summary.css";

    private String previewPage;

    @PostConstruct
    void init() {
        show(summaries.settings());
        sent = new PagedModel<>((page, size) -> summaries.sent(page, size), SentSummaryView::id);
    }

    private void show(SummarySettingsView settings) {
        version = settings.version();
        enabled = Boolean.TRUE.equals(settings.enabled());
        organisationName = settings.organisationName();
        ownerEmails = String.join(", ", settings.ownerEmails());
        managerEmails = String.join(", ", settings.managerEmails());
        periodDays = settings.periodDays();
        sendDay = settings.sendDay();
        sendTime = settings.sendTime();
        timeZone = settings.timeZone();
        nextSends = settings.nextSends();
    }

    public void save() {
        try {
            show(summaries.update(
                    new SummarySettingsView(
                            enabled,
                            organisationName,
                            List.of(ownerEmails == null ? "" : ownerEmails),
                            List.of(managerEmails == null ? "" : managerEmails),
                            periodDays,
                            sendDay,
                            sendTime,
                            timeZone,
                            null,
                            null,
                            0),
                    ExpectedVersion.of(version),
                    Faces.getRemoteAddr()));
            Messages.addGlobalInfo(
                    enabled
                            ? "The settings are saved; the summaries are on."
                            : "The settings are saved; the summaries are off.");
        } catch (ValidationException e) {
            e.errors().forEach(error -> Messages.addError(FORM + error.field(), error.message()));
            Faces.validationFailed();
        } catch (StaleVersionException e) {
            // What was typed stays on the page; the next Save is made against their version, knowingly.
            version = e.currentVersion();
            Messages.addGlobalError("The summary settings were changed by someone else since you opened this page;"
                    + " nothing was saved, and what you typed is still here. Save again to replace their change"
                    + " with yours, or reload the page to see theirs.");
            Faces.validationFailed();
        }
    }

    public void sendTest() {
        try {
            RunView run = summaries.test(testTo == null || testTo.isBlank() ? List.of() : List.of(testTo));
            Messages.addGlobalInfo("Test run " + run.id() + " is making both summaries and will mail them to "
                    + String.join(", ", run.testRecipients()) + ".");
        } catch (ValidationException e) {
            e.errors().forEach(error -> Messages.addError("summaryTest:testTo", error.message()));
            Faces.validationFailed();
        }
    }

    public void revoke(long summaryId) {
        try {
            summaries.revoke(summaryId, Faces.getRemoteAddr());
            Messages.addGlobalInfo("Every link of this summary is withdrawn.");
        } catch (NotFoundException e) {
            Messages.addGlobalError("That summary no longer exists.");
        }
    }

    public void revokeLink(long summaryId, long linkId) {
        try {
            SentSummaryView summary = summaries.revokeLink(summaryId, linkId, Faces.getRemoteAddr());
            summary.links().stream()
                    .filter(link -> link.id() == linkId)
                    .findFirst()
                    .ifPresent(link -> Messages.addGlobalInfo("The link of " + link.recipient() + " is withdrawn."));
        } catch (NotFoundException e) {
            Messages.addGlobalError("That link no longer exists.");
        }
    }

    /**
     * Shows what an audience's latest summary looks like (made now when none was made yet), in a
     * frame of its own so that its page keeps its own style. The page's relative addresses point
     * below a link's address; here the style sheet is written into the page (the frame inherits the
     * console's policy, which allows inline styles), and the PDF link, which only a recipient's link
     * serves, is left out.
     */
    public void showPreview(String audience) {
        try {
            preview = summaries.preview(audience);
            previewPage = preview.page()
                    .replace("<link rel=\"stylesheet\" href=\"../style.css\">", "<style>" + summaryStyle() + "</style>")
                    .replaceFirst("<p><a class=\"pdf\" href=\"summary.pdf\">[^<]*</a></p>", "");
        } catch (ValidationException e) {
            Messages.addGlobalError(e.errors().get(0).message());
        }
    }

    private static String summaryStyle() {
        try (InputStream in = SummaryReportsView.class.getResourceAsStream(SUMMARY_STYLE)) {
            if (in == null) {
                throw new IllegalStateException(SUMMARY_STYLE + " is missing from the console");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public SummaryPreviewView getPreview() {
        return preview;
    }

    /** The previewed page, for the frame's srcdoc (Faces escapes it as an attribute value). */
    public String getPreviewPage() {
        return previewPage;
    }

    public boolean hasActiveLinks(SentSummaryView summary) {
        return summary.links().stream().anyMatch(link -> "ACTIVE".equals(link.state()));
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getOrganisationName() {
        return organisationName;
    }

    public void setOrganisationName(String organisationName) {
        this.organisationName = organisationName;
    }

    public String getOwnerEmails() {
        return ownerEmails;
    }

    public void setOwnerEmails(String ownerEmails) {
        this.ownerEmails = ownerEmails;
    }

    public String getManagerEmails() {
        return managerEmails;
    }

    public void setManagerEmails(String managerEmails) {
        this.managerEmails = managerEmails;
    }

    public Integer getPeriodDays() {
        return periodDays;
    }

    public void setPeriodDays(Integer periodDays) {
        this.periodDays = periodDays;
    }

    public String getSendDay() {
        return sendDay;
    }

    public void setSendDay(String sendDay) {
        this.sendDay = sendDay;
    }

    public String getSendTime() {
        return sendTime;
    }

    public void setSendTime(String sendTime) {
        this.sendTime = sendTime;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public List<Instant> getNextSends() {
        return nextSends;
    }

    public String getTestTo() {
        return testTo;
    }

    public void setTestTo(String testTo) {
        this.testTo = testTo;
    }

    public PagedModel<SentSummaryView> getSent() {
        return sent;
    }
}
