package dev.arbiter.app.desktop;

import dev.arbiter.app.common.charts.ChartColors;
import dev.arbiter.app.common.charts.ChartPane;
import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.arbiter.app.common.Theme;
import dev.arbiter.app.common.settings.Settings;
import dev.arbiter.app.common.settings.WindowBounds;
import dev.arbiter.app.common.task.DefaultTaskExecutor;
import dev.arbiter.app.data.DataView;
import dev.arbiter.app.data.DataViewModel;
import dev.arbiter.app.decision.DecisionView;
import dev.arbiter.app.guardrails.GuardrailsView;
import dev.arbiter.app.monitor.MonitorView;
import dev.arbiter.app.plan.PlanView;
import dev.arbiter.app.results.ResultsView;
import dev.arbiter.app.segments.SegmentsView;
import dev.arbiter.app.shell.Section;
import dev.arbiter.app.shell.ShellView;
import dev.arbiter.app.shell.ShellViewModel;
import dev.arbiter.app.shell.StatusBarViewModel;
import dev.arbiter.app.shell.WorkspaceStore;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The composition root of the desktop app: builds the one task executor, the view models and
 * the shell view on a stage, applies the remembered theme and window bounds, and saves them
 * when the window closes.
 */
public final class MainWindow {
    private static final String STYLESHEET = "/dev/arbiter/app/arbiter.css";

    private final Stage stage;
    private final Settings settings;
    private final StatusBarViewModel status = new StatusBarViewModel();
    private final DefaultTaskExecutor executor;
    private final ShellViewModel model;
    private final DataViewModel data;
    private final AnalysisModels analysis;
    private ShellView view;

    private MainWindow(Stage stage, Settings settings, WorkspaceStore store) {
        this.stage = stage;
        this.settings = settings;
        this.executor = DefaultTaskExecutor.pooled(Platform::runLater, status);
        this.model = new ShellViewModel(executor, store, settings);
        this.data = new DataViewModel(model, executor, status);
        this.analysis = AnalysisModels.of(model, executor);
    }

    /** Builds the window on {@code stage} and shows it. */
    public static MainWindow show(Stage stage, Settings settings, WorkspaceStore store) {
        MainWindow window = new MainWindow(stage, settings, store);
        window.build();
        stage.show();
        return window;
    }

    private void build() {
        view = new ShellView(model, status, executor, analysis.analysis(), sectionViews(), data::requestImport, stage::close);
        Scene scene = new Scene(view);
        scene.getStylesheets().add(MainWindow.class.getResource(STYLESHEET).toExternalForm());
        stage.setScene(scene);
        stage.titleProperty().bind(model.titleBinding());
        stage.getIcons().add(new Image(MainWindow.class.getResourceAsStream("/dev/arbiter/app/arbiter.png")));
        applyTheme(model.themeProperty().get());
        model.themeProperty().addListener((obs, old, now) -> applyTheme(now));
        restoreBounds(WindowBounds.load(settings).orElse(WindowBounds.DEFAULT));
        stage.setOnHidden(event -> shutdown());
    }

    /** Each section's view, built the first time it is shown; Data at once, as it asks the import questions. */
    private Map<Section, Supplier<Node>> sectionViews() {
        Map<Section, Supplier<Node>> views = new EnumMap<>(Section.class);
        DataView dataView = new DataView(data);
        views.put(Section.DATA, () -> dataView);
        views.put(Section.PLAN, () -> new PlanView(analysis.analysis(), analysis.plan()));
        views.put(Section.MONITOR, () -> new MonitorView(analysis.analysis(), analysis.monitor()));
        views.put(Section.RESULTS, () -> new ResultsView(analysis.analysis(), analysis.results()));
        views.put(Section.SEGMENTS, () -> new SegmentsView(analysis.analysis(), analysis.segments()));
        views.put(Section.GUARDRAILS, () -> new GuardrailsView(analysis.analysis(), analysis.guardrails()));
        views.put(Section.DECISION, () -> new DecisionView(analysis.analysis(), analysis.decision()));
        return views;
    }

    /** Saves the window bounds and closes the workspace; called when the window is hidden. */
    void shutdown() {
        boundsNow().save(settings);
        model.shutdown();
        executor.close();
    }

    private static void applyTheme(Theme theme) {
        Application.setUserAgentStylesheet(theme == Theme.DARK
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        ChartPane.colorsProperty().set(theme == Theme.DARK ? ChartColors.DARK : ChartColors.LIGHT);
    }

    private void restoreBounds(WindowBounds bounds) {
        stage.setWidth(bounds.width());
        stage.setHeight(bounds.height());
        if (bounds.hasPosition() && isOnAScreen(bounds)) {
            stage.setX(bounds.x());
            stage.setY(bounds.y());
        } else {
            stage.centerOnScreen();
        }
        stage.setMaximized(bounds.maximized());
    }

    private static boolean isOnAScreen(WindowBounds bounds) {
        return !Screen.getScreensForRectangle(new Rectangle2D(bounds.x(), bounds.y(), bounds.width(), bounds.height()))
                .isEmpty();
    }

    private WindowBounds boundsNow() {
        return new WindowBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), stage.isMaximized());
    }

    /** Web addresses in the Help pages open with {@code browser} (the app's host services). */
    public void setBrowser(Consumer<String> browser) {
        view.setBrowser(browser);
    }

    public ShellViewModel model() {
        return model;
    }

    public DataViewModel data() {
        return data;
    }

    /** The analysis sections' view models (for tests). */
    public AnalysisModels analysis() {
        return analysis;
    }

    public StatusBarViewModel status() {
        return status;
    }

    public DefaultTaskExecutor executor() {
        return executor;
    }

    public Stage stage() {
        return stage;
    }
}
