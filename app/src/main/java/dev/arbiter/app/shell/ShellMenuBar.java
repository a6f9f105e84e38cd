package dev.arbiter.app.shell;

import dev.arbiter.app.common.Theme;
import dev.arbiter.app.help.HelpPages;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCombination;

/** The menu bar: Workspace, View (theme, and the sections by Ctrl+1…7) and Help. */
final class ShellMenuBar extends MenuBar {
    private final ShellViewModel model;
    private final Supplier<WorkspaceFileDialogs> dialogs;
    private final Menu recent = new Menu("Open Recent");

    /**
     * @param showHelp opens the Help window on a page of the bundled docs (a file name such as
     *                 {@code getting-started.md})
     */
    ShellMenuBar(ShellViewModel model, Supplier<WorkspaceFileDialogs> dialogs, Consumer<String> showHelp,
                 Runnable showAbout, Runnable analyseWarehouse, Runnable quit) {
        this.model = model;
        this.dialogs = dialogs;
        setId("menu-bar");
        getMenus().addAll(workspaceMenu(analyseWarehouse, quit), viewMenu(), helpMenu(showHelp, showAbout));
        model.recentFiles().addListener((ListChangeListener<Path>) change -> fillRecent());
        fillRecent();
    }

    private Menu workspaceMenu(Runnable analyseWarehouse, Runnable quit) {
        MenuItem create = item("New…", "Shortcut+N", () -> dialogs.get().chooseNew().ifPresent(model::createWorkspace));
        MenuItem open = item("Open…", "Shortcut+O", () -> dialogs.get().chooseExisting().ifPresent(model::openWorkspace));
        MenuItem close = item("Close", "Shortcut+W", model::closeWorkspace);
        close.disableProperty().bind(model.workspaceProperty().isNull());
        MenuItem exit = item("Quit", "Shortcut+Q", quit);
        MenuItem warehouse = item("Analyse a Warehouse Table…", null, analyseWarehouse);
        warehouse.setId("menu-warehouse");
        Menu menu = new Menu("Workspace", null, create, open, recent, samplesMenu(), close, new SeparatorMenuItem(), warehouse,
                new SeparatorMenuItem(), exit);
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
            choice.setId("theme-" + option.name().toLowerCase(Locale.ROOT));
            choice.setToggleGroup(group);
            choice.setSelected(model.themeProperty().get() == option);
            choice.setOnAction(event -> model.themeProperty().set(option));
            model.themeProperty().addListener((obs, old, now) -> choice.setSelected(now == option));
            theme.getItems().add(choice);
        }
        MenuItem toggle = item("Toggle Light/Dark", "Shortcut+Shift+L", () -> model.themeProperty()
                .set(model.themeProperty().get() == Theme.LIGHT ? Theme.DARK : Theme.LIGHT));
        Menu view = new Menu("View", null, theme, toggle, new SeparatorMenuItem());
        view.setId("menu-view");
        for (Section section : Section.values()) {
            MenuItem go = item(section.title(), "Shortcut+" + (section.ordinal() + 1), () -> model.sectionProperty().set(section));
            go.setId("go-" + section.name().toLowerCase(Locale.ROOT));
            view.getItems().add(go);
        }
        return view;
    }

    private Menu helpMenu(Consumer<String> showHelp, Runnable showAbout) {
        MenuItem start = item("Getting Started", "F1", () -> showHelp.accept(HelpPages.GETTING_STARTED));
        start.setId("help-getting-started");
        MenuItem docs = item("Documentation", null, () -> showHelp.accept(HelpPages.DOCUMENTATION));
        docs.setId("help-documentation");
        MenuItem keys = item("Keyboard Shortcuts", "Shortcut+Slash", () -> showHelp.accept(HelpPages.SHORTCUTS));
        keys.setId("help-shortcuts");
        Menu help = new Menu("Help", null, start, docs, keys, new SeparatorMenuItem(), item("About Arbiter", null, showAbout));
        help.setId("menu-help");
        return help;
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
