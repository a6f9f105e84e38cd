package dev.arbiter.app.shell;

import dev.arbiter.importers.workspace.Workspace;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The native file choosers for workspace files. */
final class WorkspaceFileDialogs {
    private final Window owner;

    WorkspaceFileDialogs(Window owner) {
        this.owner = owner;
    }

    Optional<Path> chooseNew() {
        FileChooser chooser = chooser("New workspace");
        chooser.setInitialFileName("experiment" + Workspace.EXTENSION);
        return Optional.ofNullable(chooser.showSaveDialog(owner)).map(File::toPath).map(WorkspaceFileDialogs::withExtension);
    }

    Optional<Path> chooseExisting() {
        return Optional.ofNullable(chooser("Open workspace").showOpenDialog(owner)).map(File::toPath);
    }

    private static FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(
                new FileChooser.ExtensionFilter("Arbiter workspaces (*" + Workspace.EXTENSION + ")", "*" + Workspace.EXTENSION));
        return chooser;
    }

    static Path withExtension(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(Workspace.EXTENSION) ? file : file.resolveSibling(name + Workspace.EXTENSION);
    }
}
