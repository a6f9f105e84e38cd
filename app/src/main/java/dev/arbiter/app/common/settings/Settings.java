package dev.arbiter.app.common.settings;

import java.util.Optional;

/** Small key/value store for what the app remembers between runs (theme, window, recents). */
public interface Settings {
    Optional<String> get(String key);

    void put(String key, String value);

    void remove(String key);
}
