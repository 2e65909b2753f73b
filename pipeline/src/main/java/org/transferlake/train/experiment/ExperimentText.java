package org.transferlake.train.experiment;

import com.typesafe.config.ConfigUtil;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An experiment file written from {@link ExperimentSchema}: every key in declaration order, nested as the schema
 * nests it, with its meaning and default as a comment above it. A key takes the value given, else its default; one
 * with neither is written commented out.
 */
final class ExperimentText {
  private final StringBuilder text = new StringBuilder();

  private ExperimentText() {}

  /** @param values the values by key, nested as the file nests them (a list of objects as a list of maps) */
  static String render(String header, Map<String, ?> values) {
    ExperimentText t = new ExperimentText();
    header.lines().forEach(l -> t.line("", "# " + l));
    t.object("", values, "");
    return t.text.toString();
  }

  /** The keys declared right under {@code parent} ("" the top, "cv", "sources[]"), then any other given keys. */
  private void object(String parent, Map<String, ?> given, String indent) {
    List<String> declared = ExperimentSchema.keys().stream().map(k -> leaf(parent, k.path())).filter(l -> l != null)
        .toList();
    for (ExperimentSchema.Key key : ExperimentSchema.keys()) {
      String leaf = leaf(parent, key.path());
      if (leaf != null) {
        if (parent.isEmpty() && !text.isEmpty()) {
          text.append('\n');
        }
        key(key, leaf, given, indent);
      }
    }
    new TreeMap<>(given).forEach((k, v) -> {
      if (!declared.contains(k)) {
        line(indent, ConfigUtil.joinPath(k) + " = " + value(v)); // a learner's hyperparameters
      }
    });
  }

  @SuppressWarnings("unchecked") // the values nest as the schema's kinds say
  private void key(ExperimentSchema.Key key, String leaf, Map<String, ?> given, String indent) {
    Object value = given.containsKey(leaf) ? given.get(leaf) : key.fallback();
    line(indent, "# " + key.meaning() + (key.fallback() == null ? "" : " (default: " + value(key.fallback()) + ")"));
    switch (key.kind()) {
      case BLOCK -> {
        if (value == null) { // absent: the experiment is not of this kind; its keys are in the README
          line(indent, "# " + leaf + " { ... }");
          return;
        }
        line(indent, leaf + " {");
        object(key.path(), (Map<String, ?>) value, indent + "  ");
        line(indent, "}");
      }
      case OBJECT, LEARNER -> {
        line(indent, leaf + " {");
        object(key.path(), value == null ? Map.of() : (Map<String, ?>) value, indent + "  ");
        line(indent, "}");
      }
      case OBJECT_LIST -> {
        List<?> list = (List<?>) value;
        if (list == null || list.isEmpty()) {
          line(indent, (list == null ? "# " : "") + leaf + " = []");
          return;
        }
        line(indent, leaf + " = [");
        for (Object element : list) {
          line(indent + "  ", "{");
          object(key.path() + "[]", (Map<String, ?>) element, indent + "    ");
          line(indent + "  ", "}");
        }
        line(indent, "]");
      }
      default -> line(indent, (value == null ? "# " + leaf + " = " + placeholder(key.kind())
          : leaf + (value instanceof Map ? " " : " = ") + value(value)));
    }
  }

  /** The name of {@code path} when it is declared right under {@code parent}, else null. */
  private static String leaf(String parent, String path) {
    String prefix = parent.isEmpty() ? "" : parent + ".";
    String rest = path.startsWith(prefix) ? path.substring(prefix.length()) : "";
    return rest.isEmpty() || rest.contains(".") || rest.contains("[") ? null : rest;
  }

  private static String placeholder(ExperimentSchema.Kind kind) {
    return switch (kind) {
      case STRING, ONE_OR_MORE -> "\"\"";
      case WHOLE_NUMBER, NUMBER -> "0";
      case BOOLEAN -> "false";
      case LIST, OBJECT_LIST -> "[]";
      default -> "{}";
    };
  }

  /** A value in HOCON: a name or a plain number bare, other text quoted, lists and maps on one line. */
  static String value(Object v) {
    if (v instanceof List<?> list) {
      return "[" + String.join(", ", list.stream().map(ExperimentText::value).toList()) + "]";
    }
    if (v instanceof Map<?, ?> map) {
      return map.isEmpty() ? "{}" : "{ " + String.join(", ", new TreeMap<>(map).entrySet().stream()
          .map(e -> ConfigUtil.joinPath(String.valueOf(e.getKey())) + " = " + value(e.getValue())).toList()) + " }";
    }
    String s = String.valueOf(v);
    boolean bare = !(v instanceof String) || s.matches("-?[0-9]+(\\.[0-9]+)?")
        || s.matches("[A-Za-z_][A-Za-z0-9_-]*") && !List.of("true", "false", "null").contains(s);
    return bare ? s : ConfigUtil.quoteString(s);
  }

  private void line(String indent, String line) {
    text.append(indent).append(line).append('\n');
  }
}
