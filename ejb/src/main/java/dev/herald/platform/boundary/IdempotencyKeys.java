package dev.herald.platform.boundary;

import dev.herald.platform.control.IdempotencyRecords;
import dev.herald.platform.control.IdempotencyRecords.Answer;
import dev.herald.platform.control.IdempotencyRecords.Claim;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import javax.sql.DataSource;

/**
 * The API's {@code Idempotency-Key}s, each step in a short transaction of its own (committed before
 * the work starts, so that a request with the same key on any instance sees the claim). The caller is
 * the signed-in user: keys are per user. The rules are {@link IdempotencyRecords}'.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class IdempotencyKeys {

    @Resource(lookup = "jdbc/herald")
    DataSource dataSource;

    @Resource
    SessionContext session;

    @Inject
    Clock clock;

    /** Claims the caller's key for the operation and fingerprint (SHA-256 of query and body). */
    public Claim claim(String key, String operation, String fingerprint) {
        String caller = session.getCallerPrincipal().getName();
        return inConnection(connection ->
                IdempotencyRecords.claim(connection, caller, key, operation, fingerprint, clock.instant()));
    }

    /** Keeps the 2xx answer of the request holding the claim. */
    public boolean complete(long id, String token, Answer answer) {
        return inConnection(connection -> IdempotencyRecords.complete(connection, id, token, answer, clock.instant()));
    }

    /** Frees the key after an answer that is not kept. */
    public boolean release(long id, String token) {
        return inConnection(connection -> IdempotencyRecords.release(connection, id, token));
    }

    /** Every instance tidies up; deleting what another instance deleted first costs nothing. */
    @Schedule(hour = "*", minute = "*/10", persistent = false)
    void purge() {
        inConnection(connection -> IdempotencyRecords.purge(connection, clock.instant()));
    }

    private interface Work<T> {
        T apply(Connection connection) throws SQLException;
    }

    private <T> T inConnection(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.apply(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("Idempotency keys: " + e.getMessage(), e);
        }
    }
}
