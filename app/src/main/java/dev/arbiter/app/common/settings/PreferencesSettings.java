package dev.arbiter.app.common.settings;

import java.util.Optional;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * Settings in the user's Java preferences. The node defaults to {@code dev/arbiter} and can be
 * moved with the system property {@code arbiter.settings.node} (tests use their own node).
 */
public final class PreferencesSettings implements Settings {
    private final Preferences node;

    public PreferencesSettings(Preferences node) {
        this.node = node;
    }

    /** The user's settings node for this installation. */
    public static PreferencesSettings forUser() {
        return new PreferencesSettings(Preferences.userRoot().node(System.getProperty("arbiter.settings.node", "dev/arbiter")));
    }

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(node.get(key, null));
    }

    @Override
    public void put(String key, String value) {
        node.put(key, value);
        flush();
    }

    @Override
    public void remove(String key) {
        node.remove(key);
        flush();
    }

    private void flush() {
        try {
            node.flush();
        } catch (BackingStoreException e) {
            // Remembering is a convenience: the app keeps working with in-memory values.
        }
    }
}
