package org.transferlake.ingest.catalog;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.transferlake.config.PropertyCatalog;
import org.transferlake.config.SettingsException;
import org.transferlake.config.Workspace;

/**
 * A workspace source definition ({@code <workspace>/sources/<id>.conf}) for one data file, written from the file's
 * header alone, and read back as the catalog reads it before it is returned.
 */
public final class SourceScaffold {
  /** What {@code source add} asks for: id, unit, formulaColumn and valueColumn are null where not given. */
  public record Request(File data, String property, String fidelity, String id, String unit, String formulaColumn,
      String valueColumn) {}

  /** The definition written, the data file as it names it, and how the columns were mapped. */
  public record Result(File definition, String id, String format, String file, ColumnMapping columns) {}

  private static final String NAME = "[a-z][a-z0-9_]*";

  private SourceScaffold() {}

  /**
   * @param shippedDir the shipped catalog ({@code transferlake.sources.dir}), whose ids a workspace source may not take
   * @throws SettingsException naming the file and what to pass, when the request cannot be met
   */
  public static Result write(Request request, Workspace workspace, File shippedDir, PropertyCatalog properties) {
    PropertyCatalog.Property property = properties.get(request.property());
    if (!request.fidelity().matches(NAME)) {
      throw new SettingsException("--fidelity " + request.fidelity() + ": not lower snake case (pbe, experiment, lab)");
    }
    String id = request.id() == null ? defaultId(request.data()) : request.id();
    if (!id.matches(NAME)) {
      throw new SettingsException("--id " + id + ": not lower snake case (a letter, then a-z, 0-9, _)");
    }
    File shipped = new File(shippedDir, id + ".conf");
    if (shipped.isFile()) {
      throw new SettingsException("source id '" + id + "' is taken by the shipped catalog (" + shipped
          + "): pass --id with another name");
    }
    File definition = new File(workspace.sourcesDir(), id + ".conf");
    if (definition.exists()) {
      throw new SettingsException(definition + " exists and is not overwritten: pass --id with another name, or"
          + " remove it");
    }
    File data = request.data().getAbsoluteFile().toPath().normalize().toFile();
    HeaderReader.Header header = HeaderReader.read(data);
    ColumnMapping columns = ColumnGuess.guess(data, header.columns(), property, request.formulaColumn(),
        request.valueColumn(), request.unit());
    String file = named(data, workspace);
    create(definition, SourceScaffoldText.render(id, header.format(), file, data, property, request.fidelity(),
        columns));
    try {
      SourceDefinitionReader.read(definition, properties, true);
    } catch (SettingsException e) {
      definition.delete();
      throw new IllegalStateException("the scaffolded definition does not load: " + e.getMessage(), e);
    }
    return new Result(definition, id, header.format(), file, columns);
  }

  /** The file's name without its extension, in lower snake case: {@code Lab Gaps.csv} gives {@code lab_gaps}. */
  static String defaultId(File data) {
    String name = data.getName();
    String id = ColumnGuess.normal(name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name);
    return id.isEmpty() ? "source" : Character.isLetter(id.charAt(0)) ? id : "source_" + id;
  }

  /** Relative to the definition when the file is inside the workspace ('..' allowed there), else absolute. */
  private static String named(File data, Workspace workspace) {
    Path path = data.toPath();
    return path.startsWith(workspace.dir().toPath())
        ? workspace.sourcesDir().toPath().relativize(path).toString().replace(File.separatorChar, '/')
        : path.toString();
  }

  private static void create(File definition, String text) {
    try {
      Files.createDirectories(definition.getParentFile().toPath());
      Files.writeString(definition.toPath(), text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + definition + ": " + e.getMessage(), e);
    }
  }
}
