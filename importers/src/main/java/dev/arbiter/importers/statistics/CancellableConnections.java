package dev.arbiter.importers.statistics;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Connections whose statements can all be cancelled at once from another thread — the app's
 * Cancel during an analysis (issue 19 #5). Standard JDBC: every statement a connection creates is
 * remembered, and {@link #cancel()} calls {@link Statement#cancel()} on each (DuckDB stops the
 * running query with an interrupt error); connections opened after it fail at once.
 */
public final class CancellableConnections implements JdbcStatisticsSource.Connections {
    private final JdbcStatisticsSource.Connections delegate;
    private final Set<Statement> statements = ConcurrentHashMap.newKeySet();
    private volatile boolean cancelled;

    public CancellableConnections(JdbcStatisticsSource.Connections delegate) {
        this.delegate = delegate;
    }

    @Override
    public Connection open() throws SQLException {
        refuseWhenCancelled();
        Connection connection = delegate.open();
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, arguments) -> remembered(invoke(connection, method, arguments)));
    }

    /** Stops every statement these connections run, and refuses new ones. */
    public void cancel() {
        cancelled = true;
        statements.forEach(CancellableConnections::cancelQuietly);
    }

    private Object remembered(Object value) throws SQLException {
        if (value instanceof Statement statement) {
            statements.add(statement);
            if (cancelled) {
                cancelQuietly(statement);
                refuseWhenCancelled();
            }
        }
        return value;
    }

    private void refuseWhenCancelled() throws SQLException {
        if (cancelled) {
            throw new SQLException("the analysis was cancelled");
        }
    }

    private static Object invoke(Connection connection, Method method, Object[] arguments) throws Throwable {
        try {
            return method.invoke(connection, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static void cancelQuietly(Statement statement) {
        try {
            statement.cancel();
        } catch (SQLException e) {
            // already closed or finished: nothing left to stop
        }
    }
}
