package dev.arbiter.app.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.arbiter.app.common.Theme;
import dev.arbiter.app.common.settings.Settings;
import dev.arbiter.app.common.settings.WindowBounds;
import dev.arbiter.app.common.task.DefaultTaskExecutor;
import dev.arbiter.app.importing.DataViewModel;
import dev.arbiter.app.analysis.AnalysisModels;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
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
        view = new ShellView(model, status, executor, data, analysis, stage::close);
        Scene scene = new Scene(view);
        scene.getStylesheets().add(MainWindow.class.getResource(STYLESHEET).toExternalForm());
        stage.setScene(scene);
        stage.titleProperty().bind(model.titleBinding());
        stage.getIcons().add(new javafx.scene.image.Image(MainWindow.class.getResourceAsStream("/dev/arbiter/app/arbiter.png")));
        applyTheme(model.themeProperty().get());
        model.themeProperty().addListener((obs, old, now) -> applyTheme(now));
        restoreBounds(WindowBounds.load(settings).orElse(WindowBounds.DEFAULT));
        stage.setOnHidden(event -> shutdown());
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
    public void setBrowser(java.util.function.Consumer<String> browser) {
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
