package org.transferlake.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.transferlake.testing.TestSpark;

class CompositionGeneratorTest {
  private static final SparkSession SPARK = TestSpark.session();
  private static final Dataset<Row> REAL =
      SPARK.createDataset(List.of("Cd3Hg7Te10", "Li2MnNi3O8", "AgBr14W6", "BaO3Ti", "Cd2Hg2Te3"), Encoders.STRING())
          .toDF("composition_key");

  @Test
  void distinctCompositionsOverTheRealElementSetsTheSameForTheSameSeed() {
    List<String> keys = generate(500, 7);
    assertEquals(500, keys.size());
    assertEquals(500, Set.copyOf(keys).size(), "distinct");
    Set<String> sets = keys.stream().map(CompositionGenerator::elementSet).collect(Collectors.toSet());
    assertEquals(Set.of("Cd Hg Te", "Li Mn Ni O", "Ag Br W", "Ba O Ti"), sets);
    assertEquals(keys, generate(500, 7));
    assertNotEquals(keys, generate(500, 8));
  }

  @Test
  void fewerWhenTheElementSetsCannotGiveAsMany() {
    Dataset<Row> unary = SPARK.createDataset(List.of("Si", "Ge"), Encoders.STRING()).toDF("composition_key");
    assertEquals(Set.of("Ge", "Si"), Set.copyOf(CompositionGenerator.generate(SPARK, unary, 10, 1)
        .as(Encoders.STRING()).collectAsList()));
  }

  private static List<String> generate(long rows, long seed) {
    return CompositionGenerator.generate(SPARK, REAL, rows, seed).as(Encoders.STRING()).collectAsList();
  }
}
