package dev.arbiter.app.common;

import dev.arbiter.app.common.settings.Settings;

/** The app's colour theme; the view maps it to an AtlantaFX stylesheet. */
public enum Theme {
    LIGHT, DARK;

    private static final String KEY = "theme";

    /** The remembered theme, light on first start. */
    public static Theme load(Settings settings) {
        return settings.get(KEY).map(Theme::parse).orElse(LIGHT);
    }

    public void save(Settings settings) {
        settings.put(KEY, name());
    }

    private static Theme parse(String stored) {
        try {
            return valueOf(stored);
        } catch (IllegalArgumentException e) {
            return LIGHT;
        }
    }
}
