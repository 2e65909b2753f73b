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
    boolean filesystem = catalog.type().equals("hadoop");
    String key = !filesystem ? "transferlake.lake.catalog-uri" : settings.lakeCatalogWarehouse().isBlank()
        ? "transferlake.lake.root" : "transferlake.lake.catalog-warehouse";
    String where = filesystem ? onFilesystem(settings, catalog, key) : "in the " + catalog.type() + " catalog "
        + catalog.name() + " (it has no namespace " + LakePresence.NAMESPACE;
    return new SettingsException(command + ": no lake " + where + "; " + key + " = \""
        + Redaction.value(key, settings.config().getString(key)) + "\", set in "
        + settings.config().getValue(key).origin().description() + "). 'bin/transferlake ingest' or 'bin/transferlake"
        + " run' creates one; to read another lake, --set " + key + "=" + (filesystem ? "DIR" : "URI") + " or run"
        + " inside the workspace that holds it ('bin/transferlake init DIR' makes one)");
  }

  /** "at ROOT (no warehouse/curated there", with the workspace in use. */
  private static String onFilesystem(Settings settings, CatalogSettings catalog, String key) {
    String place = key.equals("transferlake.lake.root") ? LakeLocation.of(settings.lakeRoot()).root()
        : catalog.warehouse();
    String looked = LakePresence.namespacePath(catalog);
    looked = looked.startsWith(place + "/") ? looked.substring(place.length() + 1) : shown(looked);
    return "at " + shown(place) + workspace(settings) + " (no " + looked + " there";
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
        text = new File(URI.create(location)).toPath().normalize().toString(); // "/home/me/./lake": "/home/me/lake"
      } catch (IllegalArgumentException e) {
        // not a URI Java reads: shown as it is
      }
    }
    return Redaction.value("transferlake.lake.root", text);
  }
}
