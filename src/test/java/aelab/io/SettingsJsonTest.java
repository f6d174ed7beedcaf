package aelab.io;

import aelab.engine.Setting;
import aelab.engine.Settings;
import aelab.engine.TrainingConfig;
import aelab.engine.UnusualConfig;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class SettingsJsonTest {

    @Test
    void everySettingSurvivesTheExperimentFileUnderItsKey() throws JsonException {
        TrainingConfig u = UnusualConfig.get();
        Map<String, Object> written = SettingsJson.write(u);
        assertEquals(Settings.ALL.stream().map(Setting::key).toList(), java.util.List.copyOf(written.keySet()));
        TrainingConfig back = SettingsJson.read(new JsonObject(Json.parse(Json.write(written)), "settings"));
        assertEquals(u, back);
    }

    @Test
    void aSettingMissingFromTheFileIsNamed() {
        Map<String, Object> written = SettingsJson.write(UnusualConfig.get());
        written.remove(Settings.BATCH_SIZE.key());
        JsonException e = assertThrows(JsonException.class,
                () -> SettingsJson.read(new JsonObject(Json.parse(Json.write(written)), "settings")));
        assertTrue(e.getMessage().contains("batchSize"), e.getMessage());
    }

    @Test
    void thePythonExportCarriesEverySettingUnderItsPythonKey() {
        String s = PythonExport.script(java.util.List.of(UnusualConfig.get()), java.util.List.of("u"), "MNIST",
                PythonExport.Framework.PYTORCH);
        for (Setting<?> setting : Settings.ALL)
            assertTrue(s.contains("\"" + setting.pythonKey() + "\": "), () -> "the script lacks " + setting.pythonKey());
        assertTrue(s.contains("\"batch_size\": 64") && s.contains("\"seed\": -99") && s.contains("\"layers\": [784, 50, 784]"), s);
    }
}
