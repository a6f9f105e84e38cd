package dev.arbiter.app.common.settings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The last {@value #LIMIT} workspaces opened, most recent first, kept in {@link Settings}. */
public final class RecentWorkspaces {
    public static final int LIMIT = 10;
    private static final String KEY = "workspace.recent";

    private final Settings settings;

    public RecentWorkspaces(Settings settings) {
        this.settings = settings;
    }

    /** Most recent first. */
    public List<Path> list() {
        return settings.get(KEY).map(RecentWorkspaces::parse).orElse(List.of());
    }

    /** Moves {@code file} to the front, dropping the oldest beyond the limit. */
    public List<Path> add(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        List<Path> updated = new ArrayList<>(list());
        updated.remove(absolute);
        updated.add(0, absolute);
        return store(updated.subList(0, Math.min(LIMIT, updated.size())));
    }

    /** Forgets {@code file}, e.g. after it failed to open because it was deleted. */
    public List<Path> remove(Path file) {
        List<Path> updated = new ArrayList<>(list());
        updated.remove(file.toAbsolutePath().normalize());
        return store(updated);
    }

    private List<Path> store(List<Path> paths) {
        List<String> lines = paths.stream().map(Path::toString).toList();
        settings.put(KEY, String.join("\n", lines));
        return List.copyOf(paths);
    }

    private static List<Path> parse(String stored) {
        return stored.lines().filter(line -> !line.isBlank()).map(Path::of).toList();
    }
}
