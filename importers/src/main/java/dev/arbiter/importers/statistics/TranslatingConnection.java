package dev.arbiter.importers.statistics;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;

/**
 * A connection that hands the engine every SQL text in its dialect's words ({@link
 * SqlDialect#translate}): the statistics queries are written once, engine-neutral.
 */
final class TranslatingConnection {
    private TranslatingConnection() {
    }

    /** {@code connection}, its prepared and plain statements' SQL translated by {@code dialect}. */
    static Connection wrap(Connection connection, SqlDialect dialect) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, arguments) -> {
                    Object result = invoke(connection, method, translated(method, arguments, dialect));
                    return result instanceof Statement statement && method.getName().equals("createStatement")
                            ? statement(statement, dialect) : result;
                });
    }

    private static Statement statement(Statement statement, SqlDialect dialect) {
        return (Statement) Proxy.newProxyInstance(Statement.class.getClassLoader(), new Class<?>[] {Statement.class},
                (proxy, method, arguments) -> invoke(statement, method, translated(method, arguments, dialect)));
    }

    /** The arguments with a leading SQL text (prepareStatement, execute, executeQuery, …) translated. */
    private static Object[] translated(Method method, Object[] arguments, SqlDialect dialect) {
        boolean takesSql = method.getName().startsWith("prepare") || method.getName().startsWith("execute")
                || method.getName().equals("addBatch");
        if (!takesSql || arguments == null || arguments.length == 0 || !(arguments[0] instanceof String sql)) {
            return arguments;
        }
        Object[] copy = arguments.clone();
        copy[0] = dialect.translate(sql);
        return copy;
    }

    private static Object invoke(Object target, Method method, Object[] arguments) throws Throwable {
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
