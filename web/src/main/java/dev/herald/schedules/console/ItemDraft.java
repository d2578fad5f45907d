package dev.herald.schedules.console;

import dev.herald.reports.console.CriteriaValues;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One report of the schedule being edited, as the editor's forms change it: mutable, and kept in
 * the view until the schedule is saved, with its criteria as their form holds them.
 */
public class ItemDraft implements Serializable {

    private Long id;
    private String reportKey;
    private String reportName;
    private Long criteriaSetId;
    private String displayName;
    private String recipients;
    private String subject;
    private String deliverAs = "ATTACHMENT";
    private String format = "EXCEL_FORMATTED";
    private String csvDelimiter = "COMMA";
    private boolean skipWhenEmpty;
    /** Made once per recipient, each file with that recipient's own scope values. */
    private boolean perRecipient;
    /** Per recipient, sent to every account holding a value of this kind instead of the listed addresses. */
    private String recipientScopeKind;
    /** "LISTED" (the addresses typed) or "HOLDERS" (every account holding a value of a kind). */
    private String sendTo = "LISTED";
    /** The scope kinds the report's parameters are bound to (empty: the report is the same for everyone). */
    private List<String> boundScopes = new ArrayList<>();

    private CriteriaValues criteria = new CriteriaValues();
    /** What the server found wrong with this report at the last check; shown on its row until fixed. */
    private final List<String> problems = new ArrayList<>();
    /** Link recipients of this report that no account has, found at the last save. */
    private final List<String> withoutAccount = new ArrayList<>();

    ItemDraft copy() {
        ItemDraft copy = new ItemDraft();
        copy.id = id;
        copy.reportKey = reportKey;
        copy.reportName = reportName;
        copy.criteriaSetId = criteriaSetId;
        copy.displayName = displayName;
        copy.recipients = recipients;
        copy.subject = subject;
        copy.deliverAs = deliverAs;
        copy.format = format;
        copy.csvDelimiter = csvDelimiter;
        copy.skipWhenEmpty = skipWhenEmpty;
        copy.perRecipient = perRecipient;
        copy.recipientScopeKind = recipientScopeKind;
        copy.sendTo = sendTo;
        copy.boundScopes = new ArrayList<>(boundScopes);
        copy.criteria = criteria.copy();
        copy.problems.addAll(problems);
        copy.withoutAccount.addAll(withoutAccount);
        return copy;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getReportKey() {
        return reportKey;
    }

    public void setReportKey(String reportKey) {
        this.reportKey = reportKey;
    }

    public String getReportName() {
        return reportName;
    }

    public void setReportName(String reportName) {
        this.reportName = reportName;
    }

    public Long getCriteriaSetId() {
        return criteriaSetId;
    }

    public void setCriteriaSetId(Long criteriaSetId) {
        this.criteriaSetId = criteriaSetId;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getRecipients() {
        return recipients;
    }

    public void setRecipients(String recipients) {
        this.recipients = recipients;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public String getDeliverAs() {
        return deliverAs;
    }

    public void setDeliverAs(String deliverAs) {
        this.deliverAs = deliverAs;
    }

    public String getFormat() {
        return format;
    }

    public void setFormat(String format) {
        this.format = format;
    }

    public String getCsvDelimiter() {
        return csvDelimiter;
    }

    public void setCsvDelimiter(String csvDelimiter) {
        this.csvDelimiter = csvDelimiter;
    }

    public boolean isSkipWhenEmpty() {
        return skipWhenEmpty;
    }

    public void setSkipWhenEmpty(boolean skipWhenEmpty) {
        this.skipWhenEmpty = skipWhenEmpty;
    }

    public boolean isPerRecipient() {
        return perRecipient;
    }

    public void setPerRecipient(boolean perRecipient) {
        this.perRecipient = perRecipient;
    }

    public String getRecipientScopeKind() {
        return recipientScopeKind;
    }

    public void setRecipientScopeKind(String recipientScopeKind) {
        this.recipientScopeKind = recipientScopeKind;
    }

    public String getSendTo() {
        return sendTo;
    }

    public void setSendTo(String sendTo) {
        this.sendTo = sendTo;
    }

    /** Whether the item goes to every holder of a kind's value rather than to the addresses typed. */
    public boolean isToHolders() {
        return perRecipient && "HOLDERS".equals(sendTo);
    }

    public List<String> getBoundScopes() {
        return boundScopes;
    }

    public void setBoundScopes(List<String> boundScopes) {
        this.boundScopes = boundScopes == null ? new ArrayList<>() : new ArrayList<>(boundScopes);
    }

    /** Whether the report has a parameter filled from each recipient. */
    public boolean isBound() {
        return !boundScopes.isEmpty();
    }

    public CriteriaValues getCriteria() {
        return criteria;
    }

    public List<String> getProblems() {
        return problems;
    }

    public List<String> getWithoutAccount() {
        return withoutAccount;
    }

    /** The addresses of "E-mail to", as the server splits them (commas, semicolons or white space). */
    public List<String> addresses() {
        if (isToHolders() || recipients == null || recipients.isBlank()) {
            return List.of();
        }
        return Arrays.stream(recipients.split("[,;\\s]+"))
                .filter(address -> !address.isBlank())
                .toList();
    }
}
