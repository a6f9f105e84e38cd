package dev.arbiter.importers.statistics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Driver;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * A JDBC driver jar compiled at test time, as a user would drop a warehouse's driver into the
 * drivers folder: it takes {@code jdbc:arbiterfake:PATH[;auth=token]}, opens the DuckDB file at PATH,
 * and with {@code auth=token} refuses a connection whose user is not {@code token} with a password
 * (as Databricks does) — so a test passing through it proves the credentials arrived.
 */
public final class FakeDriverJar {
    public static final String PREFIX = "jdbc:arbiterfake:";
    public static final String DRIVER = "fake.arbiter.FakeDriver";

    private static final String SOURCE = """
            package fake.arbiter;

            import java.sql.*;
            import java.util.Properties;
            import java.util.logging.Logger;

            public final class FakeDriver implements Driver {
                public Connection connect(String url, Properties info) throws SQLException {
                    if (!acceptsURL(url)) {
                        return null;
                    }
                    String rest = url.substring("jdbc:arbiterfake:".length());
                    int semicolon = rest.indexOf(';');
                    String path = semicolon < 0 ? rest : rest.substring(0, semicolon);
                    if (semicolon >= 0 && rest.substring(semicolon).contains("auth=token")
                            && !("token".equals(info.getProperty("user")) && info.getProperty("password") != null
                            && !info.getProperty("password").isBlank())) {
                        throw new SQLException("[Fake][JDBC](500151) Error setting/closing session: authentication failed: no token.\\n"
                                + "  at the fake server, second line of the message");
                    }
                    return DriverManager.getConnection("jdbc:duckdb:" + path);
                }
                public boolean acceptsURL(String url) { return url != null && url.startsWith("jdbc:arbiterfake:"); }
                public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) { return new DriverPropertyInfo[0]; }
                public int getMajorVersion() { return 1; }
                public int getMinorVersion() { return 0; }
                public boolean jdbcCompliant() { return false; }
                public Logger getParentLogger() throws SQLFeatureNotSupportedException { throw new SQLFeatureNotSupportedException(); }
            }
            """;

    private FakeDriverJar() {
    }

    /** Compiles the driver and writes {@code folder/fake-jdbc.jar} with its service entry; returns the jar. */
    public static Path write(Path folder) throws IOException {
        Path sources = Files.createTempDirectory("fake-driver");
        Path source = Files.createDirectories(sources.resolve("fake/arbiter")).resolve("FakeDriver.java");
        Files.writeString(source, SOURCE);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler.run(null, null, null, "-d", sources.toString(), source.toString()) != 0) {
            throw new IOException("the fake driver does not compile");
        }
        Path jar = Files.createDirectories(folder).resolve("fake-jdbc.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            entry(out, "fake/arbiter/FakeDriver.class", Files.readAllBytes(sources.resolve("fake/arbiter/FakeDriver.class")));
            entry(out, "META-INF/services/" + Driver.class.getName(), (DRIVER + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return jar;
    }

    private static void entry(JarOutputStream out, String name, byte[] bytes) throws IOException {
        out.putNextEntry(new JarEntry(name));
        out.write(bytes);
        out.closeEntry();
    }

}
