package dev.arbiter.app.desktop;

import dev.arbiter.app.analysis.AnalysisViewModel;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.scene.Scene;
import dev.arbiter.app.shell.StatusBarViewModel;

/**
 * The launch's own stopwatch, for the README's smoke run and {@code arbiter benchmark startup}.
 * With {@code ARBITER_EXIT_WHEN_READY=1} in the environment (or {@code -Darbiter.exitWhenReady=true})
 * the app prints, once what it opened is on screen, one line
 * {@code arbiter ready: window_ms=… screen_ms=… longest_stall_ms=… section=…}: milliseconds from the
 * process's start to the window's first layout and to the analysed experiment's first layout, and the
 * longest an event waited for the UI thread in between. Then it exits 0; it exits 1 with the
 * reason when something failed or nothing was ready within {@link #LIMIT_SECONDS}.
 */
public final class StartupProbe {
    public static final String ENVIRONMENT = "ARBITER_EXIT_WHEN_READY";
    public static final String PROPERTY = "arbiter.exitWhenReady";
    static final int LIMIT_SECONDS = 180;

    private final MainWindow window;
    /** When the JVM started, to the millisecond (the process's own start time is kept in seconds on Linux). */
    private final long processStart = ManagementFactory.getRuntimeMXBean().getStartTime();
    private final AtomicLong longestStall = new AtomicLong();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "arbiter-startup-probe");
        thread.setDaemon(true);
        return thread;
    });
    private long windowMillis = -1;
    private boolean readySeen;

    private StartupProbe(MainWindow window) {
        this.window = window;
    }

    /** Whether this launch was asked to report and exit. */
    public static boolean requested() {
        return "1".equals(System.getenv(ENVIRONMENT)) || "true".equalsIgnoreCase(System.getenv(ENVIRONMENT))
                || Boolean.getBoolean(PROPERTY);
    }

    /** Starts watching {@code window}, just shown; call on the UI thread. */
    public static void watch(MainWindow window) {
        new StartupProbe(window).start();
    }

    private void start() {
        Scene scene = window.stage().getScene();
        Runnable firstLayout = new Runnable() {
            @Override
            public void run() {
                windowMillis = sinceStart();
                scene.removePostLayoutPulseListener(this);
            }
        };
        scene.addPostLayoutPulseListener(firstLayout);
        ticker.scheduleAtFixedRate(this::probe, 10, 10, TimeUnit.MILLISECONDS);
        ticker.schedule(() -> Platform.runLater(() -> fail("not ready after " + LIMIT_SECONDS + " s: "
                + window.status().messageProperty().get())), LIMIT_SECONDS, TimeUnit.SECONDS);
        window.status().levelProperty().addListener((obs, old, now) -> {
            if (now == StatusBarViewModel.Level.ERROR) {
                fail(window.status().messageProperty().get());
            }
        });
    }

    /** Posts an event to the UI thread and records how long it waited there. */
    private void probe() {
        long sent = System.nanoTime();
        Platform.runLater(() -> {
            if (windowMillis >= 0) {
                longestStall.accumulateAndGet((System.nanoTime() - sent) / 1_000_000, Math::max);
            }
            if (!readySeen && windowMillis >= 0 && ready()) {
                readySeen = true;
                afterNextLayout(this::report);
            }
        });
    }

    private boolean ready() {
        if (window.model().workspaceProperty().get() == null) {
            return false;
        }
        AnalysisViewModel analysis = window.analysis().analysis();
        return !analysis.busyProperty().get()
                && (analysis.resultProperty().get() != null || analysis.experiments().isEmpty());
    }

    private void afterNextLayout(Runnable action) {
        Scene scene = window.stage().getScene();
        scene.addPostLayoutPulseListener(new Runnable() {
            @Override
            public void run() {
                scene.removePostLayoutPulseListener(this);
                action.run();
            }
        });
        Platform.requestNextPulse();
    }

    private void report() {
        System.out.printf(Locale.ROOT, "arbiter ready: window_ms=%d screen_ms=%d longest_stall_ms=%d section=%s%n",
                windowMillis, sinceStart(), longestStall.get(), window.model().sectionProperty().get().title());
        exit(0);
    }

    private void fail(String why) {
        System.err.println("arbiter: not ready: " + why);
        exit(1);
    }

    private void exit(int code) {
        ticker.shutdownNow();
        System.out.flush();
        window.stage().hide();
        Platform.exit();
        System.exit(code);
    }

    private long sinceStart() {
        return System.currentTimeMillis() - processStart;
    }
}
