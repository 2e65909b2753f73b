package org.transferlake.pipeline;

import java.io.File;
import java.net.URI;
import org.transferlake.config.Redaction;
import org.transferlake.config.Settings;
import org.transferlake.config.SettingsException;
import org.transferlake.config.Workspace;
import org.transferlake.lake.CatalogSettings;
import org.transferlake.lake.LakeLocation;
import org.transferlake.lake.LakePresence;

/**
 * The refusal of a command that reads a lake where there is none: where it looked, the setting that points there
 * and where that was set, what creates a lake and how to read another.
 */
final class MissingLake {
  private MissingLake() {}

  static SettingsException refusal(Settings settings, CatalogSettings catalog, String command) {
    String key;
    String where;
    if (!catalog.type().equals("hadoop")) {
      key = "transferlake.lake.catalog-uri";
      where = "in the " + catalog.type() + " catalog " + catalog.name() + " at " + Redaction.value(key, catalog.uri())
          + " (it has no namespace " + LakePresence.NAMESPACE + "; ";
    } else {
      key = settings.lakeCatalogWarehouse().isBlank() ? "transferlake.lake.root" : "transferlake.lake.catalog-warehouse";
      String place = key.equals("transferlake.lake.root") ? LakeLocation.of(settings.lakeRoot()).root()
          : catalog.warehouse();
      String looked = LakePresence.namespacePath(catalog);
      looked = looked.startsWith(place + "/") ? looked.substring(place.length() + 1) : shown(looked);
      where = "at " + shown(place) + workspace(settings) + " (no " + looked + " there; ";
    }
    String value = settings.config().getString(key);
    return new SettingsException(command + ": no lake " + where + key + " = \"" + Redaction.value(key, value)
        + "\", set in " + settings.config().getValue(key).origin().description() + "). 'bin/transferlake ingest' or"
        + " 'bin/transferlake run' creates one; to read another lake, --set " + key + "=" + (key.endsWith("uri")
        ? "URI" : "DIR") + " or run inside the workspace that holds it ('bin/transferlake init DIR' makes one)");
  }

  /** The workspace in use, if any, and whether the lake is its own ({@code DIR/lake}). */
  private static String workspace(Settings settings) {
    Workspace w = settings.workspace();
    if (w == null) {
      return "";
    }
    boolean own = LakeLocation.of(settings.lakeRoot()).equals(LakeLocation.of(w.lakeDir().getPath()));
    return own ? ", the lake of workspace " + w.dir() : ", with workspace " + w.dir() + " in use";
  }

  /** A local path as a path, a remote one as its URI, with any password hidden. */
  private static String shown(String location) {
    String text = location;
    if (location.startsWith("file:")) {
      try {
        text = new File(URI.create(location)).getPath();
      } catch (IllegalArgumentException e) {
        // not a URI Java reads: shown as it is
      }
    }
    return Redaction.value("transferlake.lake.root", text);
  }
}
