package dev.arbiter.importers.statistics;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import dev.arbiter.importers.ingest.Fingerprint;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Connections that count what crosses the wire from the engine to Arbiter and remember the SQL
 * they ran (issue 20): the rows and the bytes of the values read from every result, and a
 * fingerprint of the queries — so a record of a warehouse analysis can say that only aggregates came
 * back, and {@code reproduce} can tell whether the same queries ran. Bytes are the values' sizes as
 * read (8 per number, UTF-8 length of a text), not the driver's wire format.
 */
public final class MeteredConnections implements JdbcStatisticsSource.Connections {
    private final JdbcStatisticsSource.Connections delegate;
    private final Set<String> queries = new ConcurrentSkipListSet<>();
    private final AtomicLong rows = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final Map<String, AtomicLong> rowsByQuery = new ConcurrentHashMap<>();

    public MeteredConnections(JdbcStatisticsSource.Connections delegate) {
        this.delegate = delegate;
    }

    @Override
    public Connection open() throws SQLException {
        Connection connection = delegate.open();
        return proxy(Connection.class, connection, (method, arguments, value) -> {
            String sql = null;
            if (method.getName().equals("prepareStatement") && arguments != null && arguments[0] instanceof String text) {
                queries.add(text);
                sql = text;
            }
            return value instanceof Statement statement ? metered(statement, sql) : value;
        });
    }

    /** Result rows read so far. */
    public long rowsReturned() {
        return rows.get();
    }

    /** Result rows read so far per SQL text (which queries bring back the most: for benchmarks and profiles). */
    public Map<String, Long> rowsByQuery() {
        Map<String, Long> copy = new TreeMap<>();
        rowsByQuery.forEach((sql, count) -> copy.put(sql, count.get()));
        return copy;
    }

    /** Bytes of the values read so far. */
    public long bytesReturned() {
        return bytes.get();
    }

    /**
     * SHA-256 (hex) of the distinct SQL texts run so far, sorted: the same definition and Arbiter
     * version give the same fingerprint, whatever order the queries ran in; values are bound
     * parameters, so they are not part of it.
     */
    public String queryFingerprint() {
        return Fingerprint.ofTexts(queries);
    }

    private Statement metered(Statement statement, String prepared) {
        After remember = (method, arguments, value) -> {
            String sql = prepared;
            if (method.getName().startsWith("execute") && arguments != null && arguments.length > 0
                    && arguments[0] instanceof String text) {
                queries.add(text);
                sql = text;
            }
            return value instanceof ResultSet results ? metered(results, sql) : value;
        };
        return statement instanceof PreparedStatement preparedStatement
                ? proxy(PreparedStatement.class, preparedStatement, remember) : proxy(Statement.class, statement, remember);
    }

    private ResultSet metered(ResultSet results, String sql) {
        AtomicLong ofQuery = rowsByQuery.computeIfAbsent(String.valueOf(sql), key -> new AtomicLong());
        return proxy(ResultSet.class, results, (method, arguments, value) -> {
            String name = method.getName();
            if (name.equals("next") && Boolean.TRUE.equals(value)) {
                rows.incrementAndGet();
                ofQuery.incrementAndGet();
            } else if (name.startsWith("get") && arguments != null && arguments.length == 1 && !name.equals("getMetaData")) {
                bytes.addAndGet(sizeOf(value));
            }
            return value;
        });
    }

    /** A value's size as read: 8 bytes a number or date, a text's UTF-8 length, an array's elements. */
    static long sizeOf(Object value) throws SQLException {
        if (value == null) {
            return 0;
        }
        if (value instanceof CharSequence text) {
            return text.toString().getBytes(StandardCharsets.UTF_8).length;
        }
        if (value instanceof Array array) {
            long size = 0;
            for (Object element : (Object[]) array.getArray()) {
                size += sizeOf(element);
            }
            return size;
        }
        return value instanceof Boolean ? 1 : 8;
    }

    /** What a proxied call does with the delegate's answer. */
    @FunctionalInterface
    private interface After {
        Object apply(Method method, Object[] arguments, Object value) throws SQLException;
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T target, After after) {
        return (T) Proxy.newProxyInstance(MeteredConnections.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, arguments) -> {
                    Object value;
                    try {
                        value = method.invoke(target, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    return after.apply(method, arguments, value);
                });
    }
}
