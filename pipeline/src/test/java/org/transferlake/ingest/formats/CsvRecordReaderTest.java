package org.transferlake.ingest.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.junit.jupiter.api.Test;

class CsvRecordReaderTest {
  @Test
  void theUnquotedFastPathSplitsExactlyAsCommonsCsv() throws IOException {
    for (String text : List.of("a,b,c", "a,,c", ",", "a,b,", " a , b ", "single", "Mo3Nb1,0.0", "x,\t,y")) {
      List<String> expected;
      try (CSVParser parser = CSVParser.parse(text, CSVFormat.RFC4180)) {
        expected = parser.getRecords().get(0).toList();
      }
      assertEquals(expected, CsvRecordReader.fields(text), text);
    }
  }

  @Test
  void quotedRecordsStillGoThroughCommonsCsv() throws IOException {
    assertEquals(List.of("LaCuOS", "10.1063/1,10.1063/2"), CsvRecordReader.fields("LaCuOS,\"10.1063/1,10.1063/2\""));
    assertEquals(List.of("say \"hi\"", "x"), CsvRecordReader.fields("\"say \"\"hi\"\"\",x"));
  }
}
