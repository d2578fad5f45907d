package dev.herald.delivery.boundary;

import dev.herald.access.entity.SecurityRoles;
import dev.herald.access.entity.UserAccount;
import dev.herald.audit.boundary.AuditLog;
import dev.herald.audit.boundary.AuditRecord;
import dev.herald.platform.boundary.NotFoundException;
import dev.herald.runs.control.LinkTokens;
import dev.herald.runs.control.RunFiles;
import dev.herald.runs.entity.Delivery;
import dev.herald.runs.entity.RunItem;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Who may download a run's file. Through a link: each link belongs to one delivery, so the signed-in
 * person must be that delivery's recipient (their account's e-mail address is the one the link was
 * sent to; another recipient of the same file has a link of their own), or staff who may export
 * reports or manage schedules; and the link must be neither withdrawn nor expired, nor its file
 * purged. Through the API: staff only. Every download and every refusal is in the audit log; a
 * refusal looks like a link that does not exist.
 */
@Stateless
@DeclareRoles({SecurityRoles.EXPORT_REPORTS, SecurityRoles.MANAGE_SCHEDULES, SecurityRoles.COLLECT_REPORTS})
public class DownloadService {

    @PersistenceContext(unitName = "herald")
    EntityManager em;

    @Resource
    SessionContext session;

    @Resource(lookup = "jdbc/herald")
    DataSource dataSource;

    @Inject
    AuditLog auditLog;

    @Inject
    Clock clock;

    @RolesAllowed(SecurityRoles.COLLECT_REPORTS)
    public LinkAccess openLink(String token, String remoteAddress) {
        String caller = session.getCallerPrincipal().getName();
        Optional<Delivery> found = LinkTokens.looksLikeToken(token)
                ? em.createNamedQuery(Delivery.BY_TOKEN_HASH, Delivery.class)
                        .setParameter("hash", LinkTokens.digest(token))
                        .getResultStream()
                        .findFirst()
                : Optional.empty();
        if (found.isEmpty()) {
            return refuse(caller, remoteAddress, null, null, "no such link");
        }
        Delivery delivery = found.get();
        RunItem item = delivery.getItem();
        // The token was made for one recipient: another recipient of the same file has a link of their own.
        boolean recipient = isRecipient(caller, delivery);
        boolean staff = session.isCallerInRole(SecurityRoles.EXPORT_REPORTS)
                || session.isCallerInRole(SecurityRoles.MANAGE_SCHEDULES);
        if (!recipient && !staff) {
            return refuse(caller, remoteAddress, item, delivery, "not the recipient of this link");
        }
        LinkAccess access = LinkAccess.of(delivery, clock.instant());
        if (access instanceof LinkAccess.Granted) {
            auditLog.record(AuditRecord.of(caller, "file.download", remoteAddress)
                    .about("runItem", item.getId())
                    .withDetail("{\"via\":\"link\",\"deliveryId\":" + delivery.getId() + ",\"as\":\""
                            + (recipient ? "recipient" : "staff") + "\"}"));
        } else {
            auditLog.record(AuditRecord.of(
                            caller,
                            access instanceof LinkAccess.Withdrawn
                                    ? "file.download.withdrawn"
                                    : "file.download.expired",
                            remoteAddress)
                    .about("runItem", item.getId())
                    .withDetail("{\"deliveryId\":" + delivery.getId() + "}"));
        }
        return access;
    }

    /** A run's file for staff, through the API. */
    @RolesAllowed({SecurityRoles.EXPORT_REPORTS, SecurityRoles.MANAGE_SCHEDULES})
    public RunFile openRunFile(long runId, long itemId, String remoteAddress) {
        RunItem item = em.find(RunItem.class, itemId);
        if (item == null || item.getRun().getId() != runId) {
            throw new NotFoundException("run item", itemId);
        }
        if (!item.hasFile(clock.instant())) {
            throw new NotFoundException("file of run item", itemId);
        }
        auditLog.record(AuditRecord.of(session.getCallerPrincipal().getName(), "file.download", remoteAddress)
                .about("runItem", item.getId())
                .withDetail("{\"via\":\"api\",\"runId\":" + runId + "}"));
        return RunFile.of(item);
    }

    /** Streams a file that {@link #openLink} or {@link #openRunFile} granted. */
    @RolesAllowed({SecurityRoles.COLLECT_REPORTS, SecurityRoles.EXPORT_REPORTS, SecurityRoles.MANAGE_SCHEDULES})
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public long write(RunFile file, OutputStream out) throws IOException {
        try {
            return RunFiles.copy(dataSource, file.itemId(), out);
        } catch (SQLException e) {
            throw new IOException("The file could not be read: " + e.getMessage(), e);
        }
    }

    /** Whether the caller's account has the e-mail address this one delivery went to. */
    private boolean isRecipient(String username, Delivery delivery) {
        return em.createNamedQuery(UserAccount.BY_USERNAME, UserAccount.class)
                .setParameter("username", username)
                .getResultStream()
                .map(UserAccount::getEmail)
                .filter(Objects::nonNull)
                .anyMatch(email -> !email.isBlank() && email.equalsIgnoreCase(delivery.getRecipient()));
    }

    private LinkAccess refuse(String caller, String remoteAddress, RunItem item, Delivery delivery, String why) {
        auditLog.record(AuditRecord.of(caller, "file.download.refused", remoteAddress)
                .about("runItem", item == null ? null : item.getId())
                .withDetail("{\"reason\":\"" + why + "\""
                        + (delivery == null ? "" : ",\"deliveryId\":" + delivery.getId()) + "}"));
        return new LinkAccess.Refused();
    }
}
