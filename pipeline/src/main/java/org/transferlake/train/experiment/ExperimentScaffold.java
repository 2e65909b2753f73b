package org.transferlake.train.experiment;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.transferlake.config.PropertyCatalog;
import org.transferlake.config.SettingsException;
import org.transferlake.model.components.Components;
import org.transferlake.model.learn.forest.ForestLearner;
import org.transferlake.model.transfer.ArchitectureComponent;

/**
 * A new experiment file holding every key of {@link ExperimentSchema} with its meaning, ready to train: the target
 * and sources given, architectures that suit them, a forest, defaults elsewhere. It is read back as {@code train}
 * reads it before it is returned.
 */
public final class ExperimentScaffold {
  /** What {@code experiment new} asks for. */
  public record Request(String name, String target, List<String> sources, String features) {}

  /** The file written and the architectures it compares. */
  public record Result(File file, List<String> architectures) {}

  private static final String NAME = "[a-z][a-z0-9_]*";

  private ExperimentScaffold() {}

  /** @throws SettingsException naming what to pass, when the request cannot be met */
  public static Result write(Request request, File experimentsDir, PropertyCatalog properties) {
    if (!request.name().matches(NAME)) {
      throw new SettingsException("experiment name '" + request.name() + "': not lower snake case (a letter, then"
          + " a-z, 0-9, _)");
    }
    File file = new File(experimentsDir, request.name() + ".conf");
    if (file.exists()) {
      throw new SettingsException(file + " exists and is not overwritten: choose another name, or remove it");
    }
    PropertyCatalog.Property target = property("--target", request.target(), properties);
    List<Map<String, Object>> sources = new ArrayList<>();
    for (String source : request.sources()) {
      if (!property("--source", source, properties).numeric()) {
        throw new SettingsException("--source " + source + ": a label property; sources are numeric (the source"
            + " models of the transfer architectures are regressions)");
      }
      if (source.equals(request.target())) {
        throw new SettingsException("--source " + source + ": the target cannot also be a source");
      }
      if (sources.stream().anyMatch(s -> s.get("context").equals(source))) {
        throw new SettingsException("--source " + source + ": given twice");
      }
      sources.add(Map.of("context", source));
    }
    List<String> architectures = architectures(sources.size(), target.numeric());
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("name", request.name());
    values.put("description", request.target() + (sources.isEmpty() ? "" : " with " + String.join(", ",
        request.sources())));
    values.put("target", request.target());
    values.put("sources", sources);
    values.put("features", request.features());
    values.put("architectures", architectures);
    values.put("learners", List.of(Map.of("name", ForestLearner.COMPONENT.name(),
        "grid", Map.of(ForestLearner.TREES.name(), List.of(100)))));
    create(file, ExperimentText.render("Written by experiment new: every key with its meaning; a key left out takes"
        + " its default.\nRead at run time: edit freely.", values));
    try {
      ExperimentCatalog.read(file);
    } catch (SettingsException e) {
      file.delete();
      throw new IllegalStateException("the scaffolded experiment does not load: " + e.getMessage(), e);
    }
    return new Result(file, architectures);
  }

  /**
   * The yardstick, and with sources the registered architectures that use source models and take this many
   * sources and this kind of target.
   */
  static List<String> architectures(int sources, boolean numericTarget) {
    List<String> out = new ArrayList<>(List.of(Components.YARDSTICK));
    if (sources > 0) {
      Components.architectures().stream()
          .filter(a -> a.sourceUse() == ArchitectureComponent.SourceUse.SOURCE_MODELS
              && a.needs().takes(sources, numericTarget))
          .forEach(a -> out.add(a.name()));
    }
    return out;
  }

  /** The property of a context written property/fidelity/source_id. */
  private static PropertyCatalog.Property property(String option, String context, PropertyCatalog properties) {
    if (!context.matches(NAME + "/" + NAME + "/" + NAME)) {
      throw new SettingsException(option + " " + context + ": not a context: expected property/fidelity/source_id,"
          + " each lower snake case (band_gap/pbe/matbench_mp_gap)");
    }
    try {
      return properties.get(context.substring(0, context.indexOf('/')));
    } catch (SettingsException e) {
      throw new SettingsException(option + " " + context + ": " + e.getMessage(), e);
    }
  }

  private static void create(File file, String text) {
    try {
      Files.createDirectories(file.getParentFile().toPath());
      Files.writeString(file.toPath(), text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
