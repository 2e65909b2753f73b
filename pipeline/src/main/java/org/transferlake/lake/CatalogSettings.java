package org.transferlake.lake;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.transferlake.config.Settings;
import org.transferlake.config.Redaction;
import org.transferlake.config.SettingsException;

/**
 * The lake's Iceberg catalog as Spark properties ({@code spark.sql.catalog.<name>.*}): a filesystem (hadoop) catalog
 * under the lake root by default, or a shared JDBC, Hive metastore or REST catalog. Other catalog properties
 * (credentials, io-impl, ...) pass through as {@code spark.sql.catalog.<name>.*} keys of the configuration.
 */
public record CatalogSettings(String name, String type, String uri, String warehouse) {
  public static final List<String> TYPES = List.of("hadoop", "jdbc", "hive", "rest");
  /** Properties only {@code transferlake.lake.catalog-*} sets, so that two places cannot disagree. */
  private static final List<String> OWNED = List.of("", ".type", ".uri", ".warehouse");

  public CatalogSettings {
    if (!TYPES.contains(type)) {
      throw new SettingsException("transferlake.lake.catalog-type = \"" + type + "\": expected one of " + TYPES);
    }
    if (type.equals("hadoop") && !uri.isBlank()) {
      throw new SettingsException("transferlake.lake.catalog-uri = \"" + uri
          + "\": the hadoop catalog takes no URI (its tables are found under the warehouse); set catalog-type too");
    }
    if (!type.equals("hadoop") && uri.isBlank()) {
      throw new SettingsException("transferlake.lake.catalog-uri is empty: the " + type + " catalog needs one"
          + " (jdbc:..., thrift://host:9083 or https://host/catalog)");
    }
  }

  public static CatalogSettings from(Settings settings) {
    String warehouse = settings.lakeCatalogWarehouse().isBlank()
        ? LakeLocation.of(settings.lakeRoot()).warehouse() : settings.lakeCatalogWarehouse();
    CatalogSettings catalog = new CatalogSettings(settings.lakeCatalog(), settings.lakeCatalogType(),
        settings.lakeCatalogUri(), warehouse);
    for (String suffix : OWNED) {
      String key = catalog.prefix() + suffix;
      if (settings.sparkConf().containsKey(key)) {
        throw new SettingsException(key + " = \"" + Redaction.value(key, settings.sparkConf().get(key))
            + "\": set by transferlake.lake." + (suffix.isEmpty() ? "catalog" : "catalog-" + suffix.substring(1))
            + " instead");
      }
    }
    return catalog;
  }

  /** {@code spark.sql.catalog.<name>}. */
  public String prefix() {
    return "spark.sql.catalog." + name;
  }

  /** The Spark properties that define the catalog. */
  public Map<String, String> sparkProperties() {
    Map<String, String> out = new LinkedHashMap<>();
    out.put(prefix(), "org.apache.iceberg.spark.SparkCatalog");
    out.put(prefix() + ".type", type);
    if (!uri.isBlank()) {
      out.put(prefix() + ".uri", uri);
    }
    out.put(prefix() + ".warehouse", warehouse);
    if (type.equals("jdbc")) {
      // Spark looks up views as well as tables; Iceberg's first JDBC schema (V0) has no views and refuses that
      out.put(prefix() + ".jdbc.schema-version", "V1");
    }
    return out;
  }
}
