package dev.arbiter.importers.statistics;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * JDBC drivers a user adds without rebuilding Arbiter (issue 20): every jar in the drivers folder
 * ({@code ARBITER_DRIVERS}, else {@code ~/.arbiter/drivers}) is loaded and its drivers registered,
 * so the desktop package carries none of the warehouses' drivers (Databricks' alone is ~40 MB) and
 * the installed app reaches a warehouse once its driver's jar is dropped there.
 */
public final class DriverFolder {
    /** The environment variable naming the folder. */
    public static final String VARIABLE = "ARBITER_DRIVERS";
    private static final Set<Path> LOADED = new HashSet<>();

    private DriverFolder() {
    }

    /** The folder drivers are read from. */
    public static Path folder(Map<String, String> environment) {
        String configured = environment.get(VARIABLE);
        return configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".arbiter", "drivers");
    }

    /** Registers the drivers of the configured folder's jars not registered before; the drivers' class names. */
    public static List<String> loadOnce(Map<String, String> environment) {
        return load(folder(environment));
    }

    /** Registers the drivers of {@code folder}'s jars not registered before; the drivers' class names. */
    public static synchronized List<String> load(Path folder) {
        List<String> registered = new ArrayList<>();
        for (Path jar : jars(folder)) {
            if (LOADED.add(jar.toAbsolutePath().normalize())) {
                registered.addAll(register(jar));
            }
        }
        return registered;
    }

    private static List<Path> jars(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static List<String> register(Path jar) {
        List<String> names = new ArrayList<>();
        try {
            URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, DriverFolder.class.getClassLoader());
            for (Driver driver : ServiceLoader.load(Driver.class, loader)) {
                if (driver.getClass().getClassLoader() == loader) {
                    DriverManager.registerDriver(new Shim(driver));
                    names.add(driver.getClass().getName());
                }
            }
        } catch (MalformedURLException | SQLException | ServiceConfigurationError e) {
            // a jar that is not a driver (or a broken one): the "no driver" message names the folder
        }
        return names;
    }

    /**
     * A driver from another class loader as {@link DriverManager} accepts it: it only hands out
     * drivers whose class the caller's class loader can see, which this one's is.
     */
    private record Shim(Driver driver) implements Driver {
        @Override
        public Connection connect(String url, Properties info) throws SQLException {
            return driver.connect(url, info);
        }

        @Override
        public boolean acceptsURL(String url) throws SQLException {
            return driver.acceptsURL(url);
        }

        @Override
        public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
            return driver.getPropertyInfo(url, info);
        }

        @Override
        public int getMajorVersion() {
            return driver.getMajorVersion();
        }

        @Override
        public int getMinorVersion() {
            return driver.getMinorVersion();
        }

        @Override
        public boolean jdbcCompliant() {
            return driver.jdbcCompliant();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return driver.getParentLogger();
        }
    }
}
