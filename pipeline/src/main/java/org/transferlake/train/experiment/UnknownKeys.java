package org.transferlake.train.experiment;

import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.transferlake.config.NearestNames;
import org.transferlake.config.SettingsException;
import org.transferlake.model.components.Components;
import org.transferlake.train.experiment.ExperimentSchema.Key;

/**
 * Refuses a key that {@link ExperimentSchema} does not declare, at any depth, naming the file, the key's path and
 * the nearest known key; a learner's hyperparameters are checked against the learner's params in the component
 * registry.
 */
final class UnknownKeys {
  private final String origin;

  private UnknownKeys(String origin) {
    this.origin = origin;
  }

  /** @throws SettingsException at the first unknown key, or at an object key that holds no object */
  static void refuse(ConfigObject root, String origin) {
    new UnknownKeys(origin).object(root, "", "", ExperimentSchema.children(""));
  }

  /** The keys of {@code object}, at schema path {@code path} (shown as {@code shown}), against {@code known}. */
  private void object(ConfigObject object, String path, String shown, Set<String> known) {
    for (Map.Entry<String, ConfigValue> e : object.entrySet()) {
      String at = join(shown, e.getKey());
      if (!known.contains(e.getKey())) {
        throw unknown(shown, e.getKey(), known);
      }
      Key key = ExperimentSchema.find(join(path, e.getKey()));
      if (key != null) { // null: a learner's hyperparameter, a plain value
        value(e.getValue(), key, at, object);
      }
    }
  }

  private void value(ConfigValue value, Key key, String at, ConfigObject parent) {
    switch (key.kind()) {
      case OBJECT, BLOCK -> object(asObject(value, at), key.path(), at, ExperimentSchema.children(key.path()));
      case FREE_MAP -> asObject(value, at);
      case LEARNER -> {
        ConfigObject o = asObject(value, at);
        String learner = name(o, (String) ExperimentSchema.fallback(key.path() + ".name"));
        if (Components.isLearner(learner)) { // else the learner's own check names it
          SortedSet<String> known = new TreeSet<>(ExperimentSchema.children(key.path()));
          known.addAll(parameters(learner));
          object(o, key.path(), at, known);
        }
      }
      case LEARNER_GRID -> {
        ConfigObject o = asObject(value, at);
        String learner = name(parent, "");
        if (Components.isLearner(learner)) {
          object(o, key.path(), at, parameters(learner));
        }
      }
      case OBJECT_LIST -> {
        if (value.valueType() == ConfigValueType.LIST) { // else the typed read names what it expected
          ConfigList list = (ConfigList) value;
          for (int i = 0; i < list.size(); i++) {
            if (list.get(i).valueType() == ConfigValueType.OBJECT) {
              object((ConfigObject) list.get(i), key.path() + "[]", at + "[" + i + "]",
                  ExperimentSchema.children(key.path() + "[]"));
            }
          }
        }
      }
      default -> {} // a value: its typed read checks it
    }
  }

  private ConfigObject asObject(ConfigValue value, String at) {
    if (value.valueType() != ConfigValueType.OBJECT) {
      throw new SettingsException(origin + ": " + at + ": expected an object { ... }");
    }
    return (ConfigObject) value;
  }

  private static SortedSet<String> parameters(String learner) {
    SortedSet<String> names = new TreeSet<>();
    Components.learner(learner).params().forEach(p -> names.add(p.name()));
    return names;
  }

  /** The learner {@code object} names, or {@code fallback}. */
  private static String name(ConfigObject object, String fallback) {
    ConfigValue name = object.get("name");
    return name == null ? fallback : String.valueOf(name.unwrapped());
  }

  /**
   * An unknown key: a key in the old snake_case spelling gets its new one, any other the nearest known key when one
   * is within a third of the key's length in edits.
   */
  private SettingsException unknown(String shown, String key, Set<String> known) {
    String kebab = key.replace('_', '-');
    if (!kebab.equals(key) && known.contains(kebab)) {
      return new SettingsException(origin + ": " + join(shown, key) + ": experiment keys are kebab-case; write "
          + join(shown, kebab));
    }
    String nearest = NearestNames.close(key, known);
    String hint = nearest != null ? "; did you mean " + join(shown, nearest) + "?" : "";
    return new SettingsException(origin + ": " + join(shown, key) + ": unknown key" + hint + " (known: "
        + String.join(", ", new TreeSet<>(known)) + ")");
  }

  private static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }
}
