package dev.arbiter.warehouse;

import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * An in-process Spark session behind the JDBC interfaces the statistics source uses (connection,
 * prepared and plain statements, result sets): what a Spark Thrift server or Databricks' JDBC driver
 * offers, without a server. Parameters are Spark 3.5's positional parameters ({@code ?}), bound as
 * values, never written into the SQL; results are collected (they are aggregates).
 */
final class SparkJdbc {
    private SparkJdbc() {
    }

    static Connection connect(SparkSession spark) {
        return proxy(Connection.class, (method, arguments) -> switch (method) {
            case "prepareStatement" -> prepared(spark, (String) arguments[0]);
            case "createStatement" -> plain(spark);
            case "close", "setAutoCommit", "commit", "rollback" -> null;
            case "isClosed", "isReadOnly" -> false;
            case "getAutoCommit" -> true;
            default -> throw new SQLException("not supported by the Spark adapter: Connection." + method);
        });
    }

    private static PreparedStatement prepared(SparkSession spark, String sql) {
        Map<Integer, Object> parameters = new TreeMap<>();
        return proxy(PreparedStatement.class, (method, arguments) -> switch (method) {
            case "setObject", "setString", "setLong", "setInt", "setDouble", "setBoolean" -> {
                parameters.put((Integer) arguments[0], arguments[1]);
                yield null;
            }
            case "executeQuery" -> results(run(spark, sql, new ArrayList<>(parameters.values())));
            case "execute" -> {
                run(spark, sql, new ArrayList<>(parameters.values())).collectAsList();
                yield true;
            }
            case "close", "cancel", "setFetchSize", "clearParameters" -> null;
            default -> throw new SQLException("not supported by the Spark adapter: PreparedStatement." + method);
        });
    }

    private static Statement plain(SparkSession spark) {
        return proxy(Statement.class, (method, arguments) -> switch (method) {
            case "executeQuery" -> results(run(spark, (String) arguments[0], List.of()));
            case "execute" -> {
                run(spark, (String) arguments[0], List.of()).collectAsList();
                yield true;
            }
            case "close", "cancel", "setFetchSize" -> null;
            default -> throw new SQLException("not supported by the Spark adapter: Statement." + method);
        });
    }

    private static Dataset<Row> run(SparkSession spark, String sql, List<Object> parameters) throws SQLException {
        try {
            return parameters.isEmpty() ? spark.sql(sql) : spark.sql(sql, parameters.stream().map(SparkJdbc::sparkValue).toArray());
        } catch (Exception e) { // Spark's AnalysisException is checked in Scala's sense only
            throw new SQLException(e.getMessage() + "\nSQL: " + sql, e);
        }
    }

    /** A bound value as Spark takes it (dates as java.sql.Date). */
    private static Object sparkValue(Object value) {
        return value instanceof LocalDate date ? Date.valueOf(date) : value;
    }

    /** The collected rows as a forward-only result set. */
    private static ResultSet results(Dataset<Row> data) {
        List<Row> rows = data.collectAsList();
        String[] names = data.columns();
        int[] position = {-1};
        Object[] last = {null};
        ResultSetMetaData meta = proxy(ResultSetMetaData.class, (method, arguments) -> switch (method) {
            case "getColumnCount" -> names.length;
            case "getColumnLabel", "getColumnName" -> names[(Integer) arguments[0] - 1];
            default -> throw new SQLException("not supported by the Spark adapter: ResultSetMetaData." + method);
        });
        return proxy(ResultSet.class, (method, arguments) -> {
            if (method.equals("next")) {
                return ++position[0] < rows.size();
            }
            if (method.equals("close")) {
                return null;
            }
            if (method.equals("getMetaData")) {
                return meta;
            }
            if (method.equals("wasNull")) {
                return last[0] == null;
            }
            if (method.equals("findColumn")) {
                return index(names, (String) arguments[0]) + 1;
            }
            if (!method.startsWith("get")) {
                throw new SQLException("not supported by the Spark adapter: ResultSet." + method);
            }
            int column = arguments[0] instanceof Integer i ? i - 1 : index(names, (String) arguments[0]);
            Object value = rows.get(position[0]).get(column);
            last[0] = value;
            return convert(method, value);
        });
    }

    private static int index(String[] names, String name) throws SQLException {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equalsIgnoreCase(name)) {
                return i;
            }
        }
        throw new SQLException("no column " + name);
    }

    /** A Spark value as the JDBC getter asked for it (0 or null for SQL NULL, as JDBC does). */
    private static Object convert(String getter, Object value) throws SQLException {
        return switch (getter) {
            case "getObject" -> value instanceof BigDecimal decimal ? decimal.doubleValue() : value;
            case "getString" -> value == null ? null : String.valueOf(value);
            case "getLong" -> value == null ? 0L : ((Number) value).longValue();
            case "getInt" -> value == null ? 0 : ((Number) value).intValue();
            case "getDouble" -> value == null ? 0.0 : ((Number) value).doubleValue();
            case "getBoolean" -> value != null && (Boolean) value;
            case "getDate" -> value == null ? null : value instanceof LocalDate date ? Date.valueOf(date) : (Date) value;
            default -> throw new SQLException("not supported by the Spark adapter: ResultSet." + getter);
        };
    }

    /** What a proxied JDBC method does, by name. */
    @FunctionalInterface
    private interface Handler {
        Object handle(String method, Object[] arguments) throws Exception;
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Handler handler) {
        return (T) Proxy.newProxyInstance(SparkJdbc.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, arguments) -> {
                    if (method.getName().equals("unwrap") || method.getName().equals("isWrapperFor")) {
                        throw new SQLException("not a wrapper");
                    }
                    if (method.getName().equals("toString")) {
                        return "Spark " + type.getSimpleName();
                    }
                    if (method.getName().equals("hashCode")) {
                        return System.identityHashCode(proxy);
                    }
                    if (method.getName().equals("equals")) {
                        return proxy == arguments[0];
                    }
                    return handler.handle(method.getName(), arguments);
                });
    }
}
