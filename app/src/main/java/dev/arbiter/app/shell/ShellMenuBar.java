package dev.arbiter.app.shell;

import dev.arbiter.app.common.Theme;
import java.nio.file.Path;
import java.util.function.Supplier;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCombination;

/** The menu bar: Workspace, View and Help. */
final class ShellMenuBar extends MenuBar {
    private final ShellViewModel model;
    private final Supplier<WorkspaceFileDialogs> dialogs;
    private final Menu recent = new Menu("Open Recent");

    ShellMenuBar(ShellViewModel model, Supplier<WorkspaceFileDialogs> dialogs, Runnable showAbout, Runnable quit) {
        this.model = model;
        this.dialogs = dialogs;
        setId("menu-bar");
        getMenus().addAll(workspaceMenu(quit), viewMenu(), helpMenu(showAbout));
        model.recentFiles().addListener((ListChangeListener<Path>) change -> fillRecent());
        fillRecent();
    }

    private Menu workspaceMenu(Runnable quit) {
        MenuItem create = item("New…", "Shortcut+N", () -> dialogs.get().chooseNew().ifPresent(model::createWorkspace));
        MenuItem open = item("Open…", "Shortcut+O", () -> dialogs.get().chooseExisting().ifPresent(model::openWorkspace));
        MenuItem close = item("Close", "Shortcut+W", model::closeWorkspace);
        close.disableProperty().bind(model.workspaceProperty().isNull());
        MenuItem exit = item("Quit", "Shortcut+Q", quit);
        Menu menu = new Menu("Workspace", null, create, open, recent, samplesMenu(), close, new SeparatorMenuItem(), exit);
        menu.setId("menu-workspace");
        return menu;
    }

    /** Workspace → Open Sample: one item per sample experiment, its description as tooltip text. */
    private Menu samplesMenu() {
        Menu samples = new Menu("Open Sample");
        samples.setId("menu-samples");
        for (var sample : model.samples()) {
            MenuItem item = item(sample.title(), null, () -> model.openSample(sample.name()));
            item.setId("sample-" + sample.name());
            samples.getItems().add(item);
        }
        return samples;
    }

    private Menu viewMenu() {
        ToggleGroup group = new ToggleGroup();
        Menu theme = new Menu("Theme");
        for (Theme option : Theme.values()) {
            RadioMenuItem choice = new RadioMenuItem(option == Theme.LIGHT ? "Light" : "Dark");
            choice.setId("theme-" + option.name().toLowerCase(java.util.Locale.ROOT));
            choice.setToggleGroup(group);
            choice.setSelected(model.themeProperty().get() == option);
            choice.setOnAction(event -> model.themeProperty().set(option));
            model.themeProperty().addListener((obs, old, now) -> choice.setSelected(now == option));
            theme.getItems().add(choice);
        }
        MenuItem toggle = item("Toggle Light/Dark", "Shortcut+Shift+L", () -> model.themeProperty()
                .set(model.themeProperty().get() == Theme.LIGHT ? Theme.DARK : Theme.LIGHT));
        return new Menu("View", null, theme, toggle);
    }

    private Menu helpMenu(Runnable showAbout) {
        return new Menu("Help", null, item("About Arbiter", null, showAbout));
    }

    private void fillRecent() {
        recent.getItems().setAll(model.recentFiles().stream()
                .map(file -> item(file.getFileName() + "  —  " + file.getParent(), null, () -> model.openWorkspace(file)))
                .toList());
        recent.setDisable(model.recentFiles().isEmpty());
    }

    private static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(event -> action.run());
        return item;
    }
}
