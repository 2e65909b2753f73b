package org.transferlake.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;

/** Every command's {@code --help}, subcommands included, as a terminal of the default width shows it. */
class HelpTextTest {
  /** A width at which nothing wraps: the help's words as written. */
  private static final int UNWRAPPED = 2000;

  @Test
  void everyLineFitsTheWidthAndWrapsBetweenWords() {
    Map<String, String> narrow = usages(Main.cli());
    int width = Main.cli().getUsageHelpWidth();
    CommandLine wideCli = Main.cli();
    wideCli.setUsageHelpWidth(UNWRAPPED);
    Map<String, String> wide = usages(wideCli);
    assertTrue(narrow.keySet().containsAll(List.of("transferlake", "transferlake source add",
        "transferlake experiment new", "transferlake bench featurize", "transferlake bench units")), narrow.keySet()::toString);

    List<String> problems = new ArrayList<>();
    narrow.forEach((command, help) -> problems.addAll(problems(command, help, width, words(wide.get(command)))));
    assertTrue(problems.isEmpty(), () -> String.join("\n", problems) + "\n\n" + String.join("\n", narrow.values()));
  }

  /** A parent's list of commands shows each one's first paragraph: a whole sentence, not a line cut short. */
  @Test
  void eachCommandsSummaryIsAWholeSentence() {
    List<String> cut = new ArrayList<>();
    for (CommandLine command : commands(Main.cli())) {
      String[] description = command.getCommandSpec().usageMessage().description();
      if (description.length == 0 || !description[0].endsWith(".")) {
        cut.add(command.getCommandSpec().qualifiedName() + ": " + String.join(" / ", description));
      }
    }
    assertEquals(List.of(), cut);
  }

  /**
   * Lines wider than {@code width}, and words split across lines: a piece that is no word of the unwrapped help,
   * or two line ends that make one of its words when joined.
   */
  private static List<String> problems(String command, String help, int width, Set<String> words) {
    List<String> problems = new ArrayList<>();
    List<String> lines = help.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.length() > width) {
        problems.add(command + ": " + line.length() + " columns: " + line);
      }
      for (String piece : line.strip().split("\\s+")) {
        if (!piece.isEmpty() && !words.contains(piece)) {
          problems.add(command + ": '" + piece + "' is part of a word: " + line);
        }
      }
      if (i + 1 < lines.size() && !line.isBlank() && !lines.get(i + 1).isBlank()) {
        String[] end = line.strip().split("\\s+");
        String joined = end[end.length - 1] + lines.get(i + 1).strip().split("\\s+")[0];
        if (words.contains(joined)) {
          problems.add(command + ": '" + joined + "' split across lines: " + line);
        }
      }
    }
    return problems;
  }

  private static Set<String> words(String help) {
    Set<String> words = new TreeSet<>();
    for (String w : help.strip().split("\\s+")) {
      words.add(w);
    }
    return words;
  }

  /** Each command's usage by its qualified name. */
  private static Map<String, String> usages(CommandLine cli) {
    Map<String, String> usages = new LinkedHashMap<>();
    commands(cli).forEach(c -> usages.put(c.getCommandSpec().qualifiedName(), c.getUsageMessage(Ansi.OFF)));
    return usages;
  }

  /** The command and its subcommands, theirs too, each after its parent. */
  private static List<CommandLine> commands(CommandLine cli) {
    List<CommandLine> all = new ArrayList<>(List.of(cli));
    cli.getSubcommands().values().forEach(sub -> all.addAll(commands(sub)));
    return all;
  }
}
