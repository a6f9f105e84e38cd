package dev.arbiter.app.common.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbiter.app.common.Theme;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.prefs.Preferences;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SettingsTest {
    @Test
    void recentWorkspacesKeepTheLastTenMostRecentFirstWithoutDuplicates() {
        RecentWorkspaces recents = new RecentWorkspaces(new InMemorySettings());
        IntStream.rangeClosed(1, 12).forEach(i -> recents.add(Path.of("/data/w" + i + ".arbiter")));
        recents.add(Path.of("/data/w5.arbiter"));
        List<Path> list = recents.list();
        assertEquals(RecentWorkspaces.LIMIT, list.size());
        assertEquals(Path.of("/data/w5.arbiter"), list.get(0));
        assertEquals(Path.of("/data/w12.arbiter"), list.get(1));
        assertFalse(list.contains(Path.of("/data/w2.arbiter")));
        assertEquals(1, list.stream().filter(Path.of("/data/w5.arbiter")::equals).count());
    }

    @Test
    void windowBoundsRoundTripAndIgnoreGarbage() {
        InMemorySettings settings = new InMemorySettings();
        new WindowBounds(10, 20, 900, 700, true).save(settings);
        assertEquals(Optional.of(new WindowBounds(10, 20, 900, 700, true)), WindowBounds.load(settings));
        settings.put("window.bounds", "1,2,three");
        assertEquals(Optional.empty(), WindowBounds.load(settings));
        settings.put("window.bounds", "1,2,0,0,false");
        assertEquals(Optional.empty(), WindowBounds.load(settings));
        assertFalse(WindowBounds.DEFAULT.hasPosition());
    }

    @Test
    void themeIsRememberedAndUnknownValuesFallBackToLight() {
        InMemorySettings settings = new InMemorySettings();
        assertEquals(Theme.LIGHT, Theme.load(settings));
        Theme.DARK.save(settings);
        assertEquals(Theme.DARK, Theme.load(settings));
        settings.put("theme", "SEPIA");
        assertEquals(Theme.LIGHT, Theme.load(settings));
    }

    @Test
    void preferencesSettingsPersistInTheirNode() throws Exception {
        Preferences node = Preferences.userRoot().node("dev/arbiter/test/settings-test");
        try {
            new PreferencesSettings(node).put("theme", "DARK");
            assertEquals(Optional.of("DARK"), new PreferencesSettings(node).get("theme"));
            new PreferencesSettings(node).remove("theme");
            assertTrue(new PreferencesSettings(node).get("theme").isEmpty());
        } finally {
            node.removeNode();
        }
    }
}
