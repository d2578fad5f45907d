package dev.herald.reports.control;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A reporting connection that leaves nothing of a report behind when it goes back to the pool:
 * closing it rolls back what the report's transaction did and, on PostgreSQL, also what a query
 * can change for the rest of the session ({@code set_config(…, false)}, session advisory locks,
 * which could otherwise hold up Herald's own migrations on the next start). The next report on the
 * same pooled connection starts as the account's settings say, whatever the last one ran.
 */
final class SessionReset implements InvocationHandler {

    private static final Logger LOG = Logger.getLogger(SessionReset.class.getName());

    private final Connection connection;
    private boolean closed;

    private SessionReset(Connection connection) {
        this.connection = connection;
    }

    static Connection around(Connection connection) {
        return (Connection) Proxy.newProxyInstance(
                SessionReset.class.getClassLoader(), new Class<?>[] {Connection.class}, new SessionReset(connection));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] arguments) throws Throwable {
        if ("close".equals(method.getName()) && method.getParameterCount() == 0) {
            close();
            return null;
        }
        if ("isClosed".equals(method.getName()) && method.getParameterCount() == 0 && closed) {
            return true;
        }
        try {
            return method.invoke(connection, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private void close() throws SQLException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
            if (ReportingPrivileges.isPostgreSql(connection)) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("RESET ALL");
                    statement.execute("SELECT pg_advisory_unlock_all()");
                }
            }
        } catch (SQLException e) {
            LOG.log(Level.FINE, "A reporting connection could not be reset; it is closed as it is", e);
        } finally {
            connection.close();
        }
    }
}
