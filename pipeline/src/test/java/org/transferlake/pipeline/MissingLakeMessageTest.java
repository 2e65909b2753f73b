package org.transferlake.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.transferlake.config.Settings;
import org.transferlake.config.SettingsLoader;
import org.transferlake.lake.CatalogSettings;

/** The refusal of a reading command without a lake, for the settings that place a lake elsewhere than its root. */
class MissingLakeMessageTest {
  private static String refusal(Map<String, String> values) {
    Settings settings = new SettingsLoader().withoutSystemProperties().set(values).load();
    return MissingLake.refusal(settings, CatalogSettings.from(settings), "report").getMessage();
  }

  @Test
  void aSharedCatalogIsNamedWithItsUriPasswordHidden() {
    assertEquals("report: no lake in the jdbc catalog lake (it has no namespace curated; transferlake.lake.catalog-uri = \"jdbc:postgresql://iceberg:*********"
        + "(redacted)@db/iceberg\", set in --set transferlake.lake.catalog-uri). 'bin/transferlake ingest' or"
        + " 'bin/transferlake run' creates one; to read another lake, --set transferlake.lake.catalog-uri=URI or run"
        + " inside the workspace that holds it ('bin/transferlake init DIR' makes one)",
        refusal(Map.of("transferlake.lake.catalog-type", "jdbc",
            "transferlake.lake.catalog-uri", "jdbc:postgresql://iceberg:hunter2@db/iceberg")));
  }

  @Test
  void aWarehouseOfItsOwnIsTheSettingNamed() {
    assertEquals("report: no lake at hdfs://nn/lakes/wh (no curated there; transferlake.lake.catalog-warehouse ="
        + " \"hdfs://nn/lakes/wh\", set in --set transferlake.lake.catalog-warehouse). 'bin/transferlake ingest' or"
        + " 'bin/transferlake run' creates one; to read another lake, --set transferlake.lake.catalog-warehouse=DIR"
        + " or run inside the workspace that holds it ('bin/transferlake init DIR' makes one)",
        refusal(Map.of("transferlake.lake.catalog-warehouse", "hdfs://nn/lakes/wh")));
  }
}
