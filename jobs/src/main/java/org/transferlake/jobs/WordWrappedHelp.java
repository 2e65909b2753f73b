package org.transferlake.jobs;

import java.util.ArrayList;
import java.util.IllegalFormatException;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Ansi.Text;
import picocli.CommandLine.Help.Column;
import picocli.CommandLine.Help.Column.Overflow;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Picocli's usage help, wrapped at spaces only. Picocli wraps where {@link java.text.BreakIterator} allows a line
 * break, which is also after a '.' or '/' and before a '[': {@code lake.curated.observations} came out as
 * {@code lake.} and {@code curated.observations} on two lines, {@code [--source=ID[,ID...]]...} as two pieces.
 * Here every table that wraps (description, command list, options and parameters, synopsis) is given its text
 * already cut at spaces into lines that fit, so picocli never breaks one itself.
 */
final class WordWrappedHelp extends Help {
  WordWrappedHelp(CommandSpec spec, ColorScheme scheme) {
    super(spec, scheme);
  }

  private int width() {
    return commandSpec().usageMessage().width();
  }

  @Override
  public String description(Object... params) {
    Table table = new Table(colorScheme(), new Column(width(), 0, Overflow.WRAP));
    table.indentWrappedLines = 0;
    for (String paragraph : commandSpec().usageMessage().description()) {
      table.addRowValues(format(paragraph, params));
    }
    return table.toString();
  }

  /** As picocli's: each subcommand's name and the first paragraph of its description. */
  @Override
  public String commandList(Map<String, Help> subcommands) {
    if (subcommands.isEmpty()) {
      return "";
    }
    int names = Math.min(subcommands.keySet().stream().mapToInt(String::length).max().orElse(0), width() / 2) + 2;
    Table table = new Table(colorScheme(), new Column(names, 2, Overflow.SPAN),
        new Column(width() - names, 2, Overflow.WRAP));
    subcommands.values().forEach(help -> {
      String[] description = help.commandSpec().usageMessage().description();
      table.addRowValues(help.commandNamesText(", "), colorScheme().text(description.length > 0
          ? format(description[0]) : ""));
    });
    return table.toString();
  }

  @Override
  public Layout createDefaultLayout(List<OptionSpec> options, List<PositionalParamSpec> positionals,
      ColorScheme scheme) {
    Layout layout = super.createDefaultLayout(options, positionals, scheme);
    Table table = new Table(scheme, layout.textTable().columns());
    table.setAdjustLineBreaksForWideCJKCharacters(layout.textTable().isAdjustLineBreaksForWideCJKCharacters());
    return new Layout(scheme, table, createDefaultOptionRenderer(), createDefaultParameterRenderer());
  }

  /** As picocli's: the command's name after the heading, wrapped lines indented to the first option. */
  @Override
  protected String insertSynopsisCommandName(int headingLength, Text details) {
    String name = commandSpec().qualifiedName();
    Table table = new Table(colorScheme(), new Column(width(), 0, Overflow.WRAP));
    table.indentWrappedLines = Math.min(headingLength + name.length() + 1, width() / 2);
    // a placeholder for the heading, joined to the name as one word, then cut off
    table.addRowValues(colorScheme().text("X".repeat(headingLength)).concat(colorScheme().commandText(name))
        .concat(details));
    return table.toString().substring(headingLength);
  }

  /** As picocli formats help text: a format string, or as written when it is not one. */
  private static String format(String text, Object... params) {
    try {
      return String.format(text, params);
    } catch (IllegalFormatException e) {
      return text;
    }
  }

  /** A text table whose wrapping columns are written line by line, each line cut at spaces to fit. */
  static final class Table extends TextTable {
    private final ColorScheme scheme;

    Table(ColorScheme scheme, Column... columns) {
      super(scheme, columns);
      this.scheme = scheme;
    }

    @Override
    public Cell putValue(int row, int col, Text value) {
      Column column = columns()[col];
      if (value == null || column.overflow != Overflow.WRAP) {
        return super.putValue(row, col, value);
      }
      Cell cell = null;
      for (Text line : lines(value, column.width - column.indent, indentWrappedLines)) {
        if (cell != null) {
          addEmptyRow();
          row++;
          line = scheme.text(" ".repeat(indentWrappedLines)).concat(line);
        }
        cell = super.putValue(row, col, line);
      }
      return cell != null ? cell : super.putValue(row, col, value);
    }

    /**
     * The text cut at spaces into lines of at most {@code width} characters, the lines after the first
     * {@code indent} shorter; a word longer than a line stands alone on its line.
     */
    static List<Text> lines(Text value, int width, int indent) {
      String plain = value.plainString();
      List<Text> lines = new ArrayList<>();
      int start = skipSpaces(plain, 0);
      while (start < plain.length()) {
        int room = lines.isEmpty() ? width : width - indent;
        int end = start;
        int next = wordEnd(plain, start);
        do {
          end = next;
          next = wordEnd(plain, skipSpaces(plain, end));
        } while (next > end && next - start <= room);
        lines.add(value.substring(start, end));
        start = skipSpaces(plain, end);
      }
      return lines;
    }

    private static int skipSpaces(String s, int i) {
      while (i < s.length() && s.charAt(i) == ' ') {
        i++;
      }
      return i;
    }

    private static int wordEnd(String s, int i) {
      while (i < s.length() && s.charAt(i) != ' ') {
        i++;
      }
      return i;
    }
  }
}
