package org.transferlake.train.experiment;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;
import com.typesafe.config.ConfigValueType;
import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.transferlake.config.PropertyCatalog;
import org.transferlake.config.SettingsException;
import org.transferlake.lake.Checksums;
import org.transferlake.model.components.Components;
import org.transferlake.model.learn.LearnerComponent;
import org.transferlake.model.learn.Param;
import org.transferlake.model.transfer.ArchitectureComponent;

/** Reads experiment definitions, refusing anything malformed before any work with the file and key. */
public final class ExperimentCatalog {
  private ExperimentCatalog() {}

  /** The experiment {@code name} from {@code dir/<name>.conf}. */
  public static ExperimentDefinition load(File dir, String name) {
    return load(List.of(dir), name);
  }

  /**
   * The experiment {@code name} from the first of {@code dirs} that holds {@code <name>.conf} (a workspace's,
   * then the shipped ones).
   *
   * @throws SettingsException when none holds it, listing the experiments there
   */
  public static ExperimentDefinition load(List<File> dirs, String name) {
    for (File dir : dirs) {
      File file = new File(dir, name + ".conf");
      if (file.isFile()) {
        return read(file);
      }
    }
    List<String> known = new ArrayList<>();
    for (File dir : dirs) {
      String[] here = dir.list((d, n) -> n.endsWith(".conf"));
      if (here != null) {
        java.util.Arrays.stream(here).sorted().map(n -> n.substring(0, n.length() - ".conf".length()))
            .forEach(known::add);
      }
    }
    throw new SettingsException("experiment '" + name + "': no " + name + ".conf in " + String.join(" or ",
        dirs.stream().map(File::getPath).toList()) + " (experiments there: " + (known.isEmpty() ? "none"
        : String.join(", ", known)) + ")");
  }

  /**
   * The experiment {@code name}, as {@link #load(List, String)}, checked against the properties the lake knows: an
   * architecture that takes numeric targets only is refused for a label target.
   */
  public static ExperimentDefinition load(List<File> dirs, String name, PropertyCatalog properties) {
    ExperimentDefinition e = load(dirs, name);
    if (e.campaign() != null && !properties.get(e.target().property()).numeric()) {
      throw new SettingsException(e.definitionFile() + ": campaign: simulated campaigns take regression targets only;"
          + " the target " + e.target() + " is a label (use a numeric property's context, or remove the campaign"
          + " block)");
    }
    for (String a : e.architectures()) {
      if (Components.architecture(a).needs().regressionOnly() && !properties.get(e.target().property()).numeric()) {
        throw new SettingsException(e.definitionFile() + ": architectures: " + a + " takes numeric targets only;"
            + " the target " + e.target() + " is a label");
      }
    }
    return e;
  }

  public static ExperimentDefinition read(File file) {
    Config c;
    try {
      c = ConfigFactory.parseFile(file, ConfigParseOptions.defaults().setAllowMissing(false)).resolve();
    } catch (ConfigException e) {
      throw new SettingsException("cannot read experiment " + file + ": " + e.getMessage(), e);
    }
    return define(c, file.getPath(), file.getName());
  }

  /**
   * An experiment from its definition's text, as {@code ops.runs.definition} keeps it; {@code origin} names it in
   * errors (a run id, say). Runs recorded before learner keys became kebab-case ({@code max_features}) read with
   * the new spelling.
   */
  public static ExperimentDefinition parse(String text, String origin) {
    Config c;
    try {
      c = ConfigFactory.parseString(text, ConfigParseOptions.defaults().setOriginDescription(origin)).resolve();
    } catch (ConfigException e) {
      throw new SettingsException("cannot read experiment " + origin + ": " + e.getMessage(), e);
    }
    return define(kebabLearnerKeys(c), origin, null);
  }

  /** {@code c} with its learners' hyperparameter keys in kebab-case, as experiment files write them since 2026-12. */
  static Config kebabLearnerKeys(Config c) {
    if (c.hasPath("options.source-learner") && c.getValue("options.source-learner") instanceof ConfigObject o) {
      c = c.withValue("options.source-learner", kebab(o));
    }
    if (c.hasPath("learners") && c.getValue("learners") instanceof ConfigList list) {
      List<ConfigValue> learners = new ArrayList<>();
      for (ConfigValue learner : list) {
        if (learner instanceof ConfigObject o && o.get("grid") instanceof ConfigObject grid) {
          learner = o.withValue("grid", kebab(grid));
        }
        learners.add(learner);
      }
      c = c.withValue("learners", ConfigValueFactory.fromIterable(learners));
    }
    return c;
  }

  private static ConfigObject kebab(ConfigObject o) {
    for (String key : o.keySet()) {
      if (key.contains("_")) {
        o = o.withoutKey(key).withValue(key.replace('_', '-'), o.get(key));
      }
    }
    return o;
  }

  /** @param fileName the file the definition must live in ({@code <name>.conf}), or null for text */
  private static ExperimentDefinition define(Config c, String origin, String fileName) {
    Keys k = new Keys(origin, c);
    UnknownKeys.refuse(c.root(), origin);
    String name = k.string("name");
    if (!name.matches("[a-z][a-z0-9_]*") || (fileName != null && !fileName.equals(name + ".conf"))) {
      throw k.error("name", "\"" + name + "\" must be lower snake case and live in " + name + ".conf");
    }
    ContextRef target = k.context("target", c.getValue("target"));
    List<ExperimentDefinition.SourceSpec> sources = new ArrayList<>();
    if (c.hasPath("sources")) {
      List<? extends ConfigValue> list = c.getList("sources");
      for (int i = 0; i < list.size(); i++) {
        String key = "sources[" + i + "]";
        if (list.get(i).valueType() != ConfigValueType.OBJECT) {
          throw k.error(key, "expected { context = \"property/fidelity/source_id\", aggregate = median }");
        }
        Config s = ((ConfigObject) list.get(i)).toConfig();
        List<ContextRef> links = SourceChainKey.links(k::error, key + ".context",
            s.hasPath("context") ? s.getValue("context") : null);
        if (links.contains(target)) {
          throw k.error(key, "the target context cannot also be a source");
        }
        try {
          sources.add(new ExperimentDefinition.SourceSpec(links,
              Aggregation.parse(s.hasPath("aggregate") ? s.getString("aggregate")
                  : (String) ExperimentSchema.fallback("sources[].aggregate"))));
        } catch (IllegalArgumentException e) {
          throw k.error(key + ".aggregate", e.getMessage());
        }
      }
    }
    Map<String, String> allowed = allowedExperimentalSources(k, c, sources);
    long seed = k.integer("seed");
    List<LearnerSpec> learners = readLearners(k, c, seed);
    CampaignSpec campaign = null;
    List<String> architectures;
    if (c.hasPath("campaign")) {
      if (c.hasPath("architectures")) {
        throw k.error("architectures", "a campaign's arms name their architectures (campaign.arms); remove"
            + " 'architectures'");
      }
      if (c.hasPath("target-classes")) {
        throw k.error("campaign", "a campaign seeks values of a numeric target; 'target-classes' makes the target a"
            + " label (remove one of the two)");
      }
      if (features(k, c).size() > 1) {
        throw k.error("features", "a campaign's arms read one preset; name one (features = magpie), or one"
            + " campaign file per preset");
      }
      campaign = CampaignReader.read(k::error, c.getConfig("campaign"), learners, seed, !sources.isEmpty());
      architectures = campaign.arms().stream().filter(a -> !a.random()).map(CampaignSpec.Arm::architecture)
          .distinct().toList();
    } else {
      architectures = k.strings("architectures");
    }
    for (String a : architectures) {
      ArchitectureComponent architecture;
      try {
        architecture = Components.architecture(a);
      } catch (IllegalArgumentException e) {
        throw k.error("architectures", e.getMessage());
      }
      if (architecture.usesSources() && sources.isEmpty()) {
        throw k.error("architectures", a + " needs at least one source context in 'sources'");
      }
      int most = architecture.needs().maxSources();
      if (most > 0 && sources.size() > most) {
        throw k.error("architectures", a + " takes at most " + most + " source context" + (most == 1 ? "" : "s")
            + "; 'sources' has " + sources.size());
      }
    }
    int folds = k.integer("cv.folds");
    String assign = k.string("cv.assign");
    if (!assign.equals("shuffle") && !assign.equals("hash")) {
      throw k.error("cv.assign", assign + ": expected shuffle or hash");
    }
    Map<String, String> classes = new java.util.TreeMap<>();
    if (c.hasPath("target-classes")) {
      for (String cls : c.getObject("target-classes").keySet()) {
        for (String raw : k.strings("target-classes." + cls)) {
          String before = classes.put(raw, cls);
          if (before != null) {
            throw k.error("target-classes", "label '" + raw + "' is in both " + before + " and " + cls);
          }
        }
      }
    }
    for (String a : architectures) {
      if (!classes.isEmpty() && Components.architecture(a).needs().regressionOnly()) {
        throw k.error("architectures", a + " takes numeric targets only; 'target-classes' makes the target a label");
      }
    }
    String foldTable = c.hasPath("cv.fold-table") ? k.string("cv.fold-table") : null;
    if (foldTable == null && folds < 2) {
      throw k.error("cv.folds", folds + ": expected 2 or more");
    }
    int innerFolds = k.integer("inner-folds");
    if (innerFolds == 1 || innerFolds < 0) {
      throw k.error("inner-folds", innerFolds + ": expected 0 (no selection) or 2 or more");
    }
    for (int i = 0; i < learners.size(); i++) {
      if (learners.get(i).halving() && innerFolds < 2) {
        throw k.error("inner-folds", innerFolds + ": learners[" + i + "] searches by halving, which scores"
            + " candidates on inner folds; set inner-folds = 2 or more");
      }
    }
    List<Integer> curve = new ArrayList<>();
    for (String size : k.strings("learning-curve")) {
      try {
        int n = size.equals("all") ? 0 : Integer.parseInt(size);
        if (n < 0 || (n > 0 && n < 5)) {
          throw new NumberFormatException();
        }
        curve.add(n);
      } catch (NumberFormatException e) {
        throw k.error("learning-curve", "'" + size + "' is not a training-set size (5 or more, or all)");
      }
    }
    int repeats = k.integer("repeats");
    if (repeats < 1) {
      throw k.error("repeats", repeats + ": expected 1 or more");
    }
    int crossFit = k.integer("options.cross-fit-folds");
    if (crossFit == 1 || crossFit < 0) {
      throw k.error("options.cross-fit-folds", crossFit + ": expected 0 or 2 or more");
    }
    int unionRows = k.integer("options.union-source-rows");
    if (unionRows < 0) {
      throw k.error("options.union-source-rows", unionRows + ": expected 0 (every row) or more");
    }
    String sourceLearner = (String) ExperimentSchema.fallback("options.source-learner.name");
    @SuppressWarnings("unchecked")
    Map<String, String> sourceParams = new java.util.TreeMap<>(
        (Map<String, String>) ExperimentSchema.fallback("options.source-learner"));
    if (c.hasPath("options.source-learner")) {
      Config s = c.getConfig("options.source-learner");
      sourceLearner = s.hasPath("name") ? s.getString("name") : sourceLearner;
      sourceParams.clear();
      for (Map.Entry<String, ConfigValue> e : s.entrySet()) {
        if (!e.getKey().equals("name")) {
          sourceParams.put(e.getKey(), String.valueOf(e.getValue().unwrapped()));
        }
      }
      learner(k, "options.source-learner", sourceLearner, sourceParams);
    }
    return new ExperimentDefinition(name, k.string("description"), target, sources,
        features(k, c), architectures, learners, folds, c.hasPath("cv.seed") ? k.integer("cv.seed") : seed,
        foldTable, innerFolds, curve, repeats, seed, k.bool("options.use-measured"), crossFit,
        k.bool("options.add-source-variance"), sourceLearner, sourceParams, origin,
        Checksums.sha256(c.root().render(ConfigRenderOptions.concise())), classes, assign.equals("hash"),
        unionRows, allowed, campaign);
  }

  /**
   * The presets of {@code features}, one or a list, each listed once. Their names are checked where presets are
   * known ({@code pipeline.ExperimentChecks}), since experiments do not depend on the featurize stage.
   */
  private static List<String> features(Keys k, Config c) {
    List<String> presets = c.hasPath("features") && c.getValue("features").valueType() == ConfigValueType.LIST
        ? k.strings("features") : List.of(k.string("features"));
    if (presets.isEmpty()) {
      throw k.error("features", "an empty list compares no preset; name one, magpie, or several, [magpie, oliynyk]");
    }
    for (String preset : presets) {
      if (presets.indexOf(preset) != presets.lastIndexOf(preset)) {
        throw k.error("features", preset + " is listed twice");
      }
    }
    return List.copyOf(presets);
  }

  /** Each allowed context, a source of this experiment, with its reason, which must say something. */
  private static Map<String, String> allowedExperimentalSources(Keys k, Config c,
      List<ExperimentDefinition.SourceSpec> sources) {
    String key = "allow-experimental-sources";
    Map<String, String> allowed = new java.util.TreeMap<>();
    if (!c.hasPath(key)) {
      return allowed;
    }
    List<String> ids = sources.stream().flatMap(s -> s.links().stream()).map(ContextRef::id).toList();
    for (Map.Entry<String, ConfigValue> e : c.getObject(key).entrySet()) {
      String at = ConfigUtil.joinPath(key, e.getKey());
      if (!ids.contains(e.getKey())) {
        throw k.error(at, "not a source of this experiment (sources: " + (ids.isEmpty() ? "none"
            : String.join(", ", ids)) + "); allow only a context listed in 'sources'");
      }
      Object reason = e.getValue().unwrapped();
      if (!(reason instanceof String text) || text.isBlank()) {
        throw k.error(at, "expected the reason the source is sound, in quotes (\"measured on other samples than the"
            + " target's\"); it is kept with the run and shown in its report");
      }
      allowed.put(e.getKey(), text.strip());
    }
    return allowed;
  }

  private static List<LearnerSpec> readLearners(Keys k, Config c, long seed) {
    List<? extends Config> list;
    try {
      list = c.getConfigList("learners");
    } catch (ConfigException e) {
      throw k.error("learners", "expected a list of { name = forest, grid { trees = [100, 200] } }");
    }
    if (list.isEmpty()) {
      throw k.error("learners", "at least one learner is needed");
    }
    List<LearnerSpec> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      Config l = list.get(i);
      String key = "learners[" + i + "]";
      String name = l.hasPath("name") ? l.getString("name") : "";
      Map<String, List<String>> grid = new LinkedHashMap<>();
      Map<String, ParamRange> ranges = new LinkedHashMap<>();
      if (l.hasPath("grid")) {
        for (Map.Entry<String, ConfigValue> e : l.getObject("grid").entrySet()) {
          Object raw = e.getValue().unwrapped();
          String at = key + ".grid." + e.getKey();
          if (raw instanceof Map<?, ?> range) {
            try {
              ranges.put(e.getKey(), ParamRange.parse(stringKeys(range)));
            } catch (IllegalArgumentException ex) {
              throw k.error(at, ex.getMessage());
            }
            continue;
          }
          List<String> values = new ArrayList<>();
          if (raw instanceof List<?> many) {
            many.forEach(v -> values.add(String.valueOf(v)));
          } else {
            values.add(String.valueOf(raw));
          }
          if (values.isEmpty()) {
            throw k.error(at, "an empty list gives a grid with no point");
          }
          grid.put(e.getKey(), values);
        }
      }
      String search = l.hasPath("search") ? l.getString("search")
          : (String) ExperimentSchema.fallback("learners[].search");
      if (!List.of(LearnerSpec.GRID, LearnerSpec.RANDOM, LearnerSpec.HALVING).contains(search)) {
        throw k.error(key + ".search", search + ": expected grid, random or halving");
      }
      int samples = l.hasPath("samples") ? l.getInt("samples")
          : (Integer) ExperimentSchema.fallback("learners[].samples");
      if (search.equals(LearnerSpec.RANDOM) && samples < 1) {
        throw k.error(key + ".samples", "random search needs samples >= 1");
      }
      if (search.equals(LearnerSpec.GRID) && !ranges.isEmpty()) {
        throw k.error(key + ".grid." + ranges.keySet().iterator().next(), "a range is drawn from, not gridded: set"
            + " search = random or halving with samples, or list the values");
      }
      if (samples < 0 || (!ranges.isEmpty() && samples < 1)) {
        throw k.error(key + ".samples", samples + ": a range in the grid ("
            + String.join(", ", ranges.keySet()) + ") is sampled: set samples = 1 or more");
      }
      LearnerSpec spec = halving(k, l, key, new LearnerSpec(name, grid, search, samples, ranges, 3, 0));
      for (Map.Entry<String, ParamRange> r : ranges.entrySet()) {
        for (String bound : r.getValue().bounds()) {
          learner(k, key, name, Map.of(r.getKey(), bound)); // both ends must be values the learner takes
        }
      }
      List<Map<String, String>> points = spec.points(seed);
      for (Map<String, String> point : points) {
        learner(k, key, name, point); // every point must make a valid learner, before any work
      }
      if (spec.halving() && points.size() < 2) {
        throw k.error(key + ".samples", "halving narrows 2 or more candidates, this grid gives " + points.size()
            + ": list more values, draw from a range, or set search = grid");
      }
      out.add(spec);
    }
    return out;
  }

  /**
   * {@code spec} with its halving settings, {@code eta} and {@code min-resource}, checked; other than their defaults
   * (which a scaffolded file writes), they need halving.
   */
  private static LearnerSpec halving(Keys k, Config l, String key, LearnerSpec spec) {
    int eta = (Integer) ExperimentSchema.fallback("learners[].eta");
    double minResource = 0;
    try {
      eta = l.hasPath("eta") ? l.getInt("eta") : eta;
    } catch (ConfigException e) {
      throw k.error(key + ".eta", "expected a whole number, 2 or more");
    }
    try {
      minResource = l.hasPath("min-resource") ? l.getDouble("min-resource") : minResource;
    } catch (ConfigException e) {
      throw k.error(key + ".min-resource", "expected a number, a share of the full budget such as 0.1111");
    }
    for (String setting : List.of("eta", "min-resource")) {
      boolean set = setting.equals("eta") ? eta != (Integer) ExperimentSchema.fallback("learners[].eta")
          : l.hasPath(setting);
      if (set && !spec.halving()) {
        throw k.error(key + "." + setting, "applies to search = halving only; remove it or set search = halving");
      }
    }
    if (eta < 2) {
      throw k.error(key + ".eta", eta + ": expected 2 or more (each rung keeps the best 1/eta of its candidates)");
    }
    if (l.hasPath("min-resource") && !(minResource > 0 && minResource <= 1.0 / eta)) {
      throw k.error(key + ".min-resource", minResource + ": expected a share of the full budget in (0, 1/eta]"
          + " (eta = " + eta + ": at most " + ParamRange.text(1.0 / eta) + "), such as " + ParamRange.text(1.0
          / (eta * eta)));
    }
    return new LearnerSpec(spec.name(), spec.grid(), spec.search(), spec.samples(), spec.ranges(), eta,
        minResource);
  }

  /** A config object's entries by their keys as text. */
  private static Map<String, Object> stringKeys(Map<?, ?> object) {
    Map<String, Object> out = new LinkedHashMap<>();
    object.forEach((key, value) -> out.put(String.valueOf(key), value));
    return out;
  }

  /** Checks that learner {@code name} takes {@code params}, naming the key at {@code path} when it does not. */
  private static void learner(Keys k, String path, String name, Map<String, String> params) {
    LearnerComponent learner;
    try {
      learner = Components.learner(name);
    } catch (IllegalArgumentException e) {
      throw k.error(path + ".name", e.getMessage());
    }
    try {
      learner.create(params, 1);
    } catch (Param.Invalid e) {
      throw k.error(path + (path.startsWith("learners") ? ".grid." : ".") + e.param(), e.reason());
    }
  }

  /** Typed reads that name the file and key on failure; an absent key takes its default in the schema. */
  private record Keys(String origin, Config config) {
    SettingsException error(String key, String why) {
      return new SettingsException(origin + ": " + key + ": " + why);
    }

    String string(String key) {
      if (!config.hasPath(key) && ExperimentSchema.fallback(key) != null) {
        return (String) ExperimentSchema.fallback(key);
      }
      try {
        return config.getString(key);
      } catch (ConfigException.Missing e) {
        throw error(key, "missing");
      } catch (ConfigException e) {
        throw error(key, "expected a string");
      }
    }

    @SuppressWarnings("unchecked")
    List<String> strings(String key) {
      if (!config.hasPath(key) && ExperimentSchema.fallback(key) != null) {
        return (List<String>) ExperimentSchema.fallback(key);
      }
      try {
        List<String> out = new ArrayList<>();
        config.getList(key).forEach(v -> out.add(String.valueOf(v.unwrapped())));
        return out;
      } catch (ConfigException.Missing e) {
        throw error(key, "missing");
      } catch (ConfigException e) {
        throw error(key, "expected a list");
      }
    }

    int integer(String key) {
      if (!config.hasPath(key) && ExperimentSchema.fallback(key) != null) {
        return (Integer) ExperimentSchema.fallback(key);
      }
      try {
        return config.getInt(key);
      } catch (ConfigException.Missing e) {
        throw error(key, "missing");
      } catch (ConfigException e) {
        throw error(key, "expected a whole number");
      }
    }

    boolean bool(String key) {
      if (!config.hasPath(key)) {
        return (Boolean) ExperimentSchema.fallback(key);
      }
      try {
        return config.getBoolean(key);
      } catch (ConfigException e) {
        throw error(key, "expected true or false");
      }
    }

    ContextRef context(String key, ConfigValue value) {
      if (value == null || value.valueType() != ConfigValueType.STRING) {
        throw error(key, "expected a context \"property/fidelity/source_id\"");
      }
      try {
        return ContextRef.parse((String) value.unwrapped());
      } catch (IllegalArgumentException e) {
        throw error(key, e.getMessage());
      }
    }
  }
}
