package org.transferlake.ingest.catalog;

import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.transferlake.config.PropertyCatalog;
import org.transferlake.config.Settings;
import org.transferlake.config.SettingsException;
import org.transferlake.config.Workspace;
import org.transferlake.lineage.Link;

/**
 * The source catalog: every {@code *.conf} in the sources directory, each validated when read, and the
 * references between them (lineage, formulas by id) checked against the whole catalog.
 */
public final class SourceCatalog {
  private final Map<String, SourceDefinition> byId;

  private SourceCatalog(Map<String, SourceDefinition> byId) {
    this.byId = byId;
  }

  public static SourceCatalog load(File dir, PropertyCatalog properties) {
    return load(dir, null, properties);
  }

  /** The catalog the settings name: the shipped one ({@code transferlake.sources.dir}) and the workspace's sources. */
  public static SourceCatalog load(Settings settings) {
    Workspace workspace = settings.workspace();
    return load(new File(settings.sourcesDir()), workspace == null ? null : workspace.sourcesDir(),
        settings.properties());
  }

  /**
   * The shipped catalog in {@code dir} and, when not null, the sources of a workspace ({@code workspaceDir}, which
   * may not exist yet): one catalog, a source id declared once across both.
   */
  public static SourceCatalog load(File dir, File workspaceDir, PropertyCatalog properties) {
    Map<String, SourceDefinition> byId = new LinkedHashMap<>();
    add(byId, dir, "transferlake.sources.dir", false, properties);
    if (workspaceDir != null && workspaceDir.isDirectory()) {
      add(byId, workspaceDir, "the workspace's sources", true, properties);
    }
    SourceCatalog catalog = new SourceCatalog(byId);
    catalog.validateReferences();
    return catalog;
  }

  private static void add(Map<String, SourceDefinition> byId, File dir, String what, boolean workspace,
      PropertyCatalog properties) {
    File[] files = dir.listFiles((d, name) -> name.endsWith(".conf"));
    if (files == null) {
      throw new SettingsException(what + " = \"" + dir + "\": not a directory");
    }
    Arrays.sort(files);
    for (File file : files) {
      SourceDefinition source = SourceDefinitionReader.read(file, properties, workspace);
      SourceDefinition previous = byId.put(source.id(), source);
      if (previous != null) {
        throw new SettingsException(file + ": source id '" + source.id() + "' is already declared in "
            + previous.definitionFile() + " (a source id is declared once, in the shipped catalog or the workspace)");
      }
    }
  }

  /** One shipped source definition. */
  public static SourceDefinition read(File file, PropertyCatalog properties) {
    return SourceDefinitionReader.read(file, properties, false);
  }

  public Collection<SourceDefinition> all() {
    return byId.values();
  }

  /** The sources named, in catalog order; every name must exist. Empty means all. */
  public List<SourceDefinition> select(List<String> ids) {
    return select(ids, false);
  }

  /**
   * The sources named (empty: all), leaving out flagged ones when {@code excludeFlagged}; naming a flagged
   * source while excluding them is a contradiction and refused.
   */
  public List<SourceDefinition> select(List<String> ids, boolean excludeFlagged) {
    List<SourceDefinition> out = new ArrayList<>();
    if (ids.isEmpty()) {
      byId.values().stream().filter(s -> !excludeFlagged || s.flags().isEmpty()).forEach(out::add);
      return out;
    }
    for (String id : ids) {
      SourceDefinition s = byId.get(id);
      if (s == null) {
        throw new SettingsException("unknown source '" + id + "' (catalog: " + String.join(", ", byId.keySet()) + ")");
      }
      if (excludeFlagged && !s.flags().isEmpty()) {
        throw new SettingsException("source '" + id + "' is flagged " + s.flags()
            + " and transferlake.sources.exclude-flagged = true: leave it out, or set the flag setting to false");
      }
      out.add(s);
    }
    return out;
  }

  private void validateReferences() {
    Set<String> contexts = new TreeSet<>();
    byId.values().forEach(s -> contexts.addAll(s.contexts()));
    for (SourceDefinition s : byId.values()) {
      for (Link link : s.lineage()) {
        if (!s.contexts().contains(link.context())) {
          throw new SettingsException(s.definitionFile() + ": lineage: context \"" + link.context()
              + "\" is not a context of " + s.id() + " (its contexts: " + String.join(", ", s.contexts()) + ")");
        }
        if (!contexts.contains(link.otherContext())) {
          throw new SettingsException(s.definitionFile() + ": lineage: " + link.relation() + " \""
              + link.otherContext() + "\" is not a context of any source in the catalog");
        }
        if (link.context().equals(link.otherContext())) {
          throw new SettingsException(s.definitionFile() + ": lineage: a context is not linked to itself");
        }
      }
      if (s.formulaById() != null) {
        SourceDefinition ids = byId.get(s.formulaById());
        String where = s.definitionFile() + ": record.formula-by-id = " + s.formulaById() + ": ";
        if (ids == null) {
          throw new SettingsException(where + "no such source in the catalog");
        }
        if (ids.kind() != SourceDefinition.Kind.OBSERVATIONS || ids.idColumn() == null || ids.formulaById() != null) {
          throw new SettingsException(where + "that source must hold observations with a formula column and an id"
              + " column (record { formula = ..., id = ... })");
        }
      }
    }
  }
}
