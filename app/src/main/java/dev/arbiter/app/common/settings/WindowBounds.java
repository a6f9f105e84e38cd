package dev.arbiter.app.common.settings;

import java.util.Optional;

/**
 * Where the main window was when it last closed.
 *
 * @param maximized whether it was maximised (x, y, width, height are then the restored bounds)
 */
public record WindowBounds(double x, double y, double width, double height, boolean maximized) {
    private static final String KEY = "window.bounds";

    /** The default size on first start: fits a 1366×768 laptop screen. */
    public static final WindowBounds DEFAULT = new WindowBounds(Double.NaN, Double.NaN, 1280, 800, false);

    public WindowBounds {
        if (!(width > 0) || !(height > 0)) {
            throw new IllegalArgumentException("window size must be positive: " + width + "x" + height);
        }
    }

    /** True when no position was stored, so the window should be centred. */
    public boolean hasPosition() {
        return !Double.isNaN(x) && !Double.isNaN(y);
    }

    public static Optional<WindowBounds> load(Settings settings) {
        return settings.get(KEY).flatMap(WindowBounds::parse);
    }

    public void save(Settings settings) {
        settings.put(KEY, x + "," + y + "," + width + "," + height + "," + maximized);
    }

    static Optional<WindowBounds> parse(String stored) {
        String[] parts = stored.split(",");
        if (parts.length != 5) {
            return Optional.empty();
        }
        try {
            return Optional.of(new WindowBounds(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]),
                    Double.parseDouble(parts[2]), Double.parseDouble(parts[3]), Boolean.parseBoolean(parts[4])));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
