package org.transferlake.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.transferlake.composition.Composition;
import org.transferlake.composition.FormulaParser;

/**
 * Distinct compositions for benchmarks: the element sets of real compositions, each given random integer
 * amounts. Seeded, and the same for the same seed, rows and element sets.
 */
public final class CompositionGenerator {
  /** Amounts are drawn from 1..MAX_AMOUNT, wide enough that most element sets yield many compositions. */
  static final int MAX_AMOUNT = 20;
  /** Drawn beyond the rows asked for, so that enough remain once duplicates are dropped. */
  private static final double OVERDRAW = 1.3;

  private CompositionGenerator() {}

  /**
   * Up to {@code rows} distinct composition keys (column {@code composition_key}) over the element sets of
   * {@code realKeys}' column {@code composition_key}; fewer only when the element sets cannot give as many.
   *
   * @throws IllegalArgumentException when {@code realKeys} is empty
   */
  public static Dataset<Row> generate(SparkSession spark, Dataset<Row> realKeys, long rows, long seed) {
    // the distinct element sets are a few tens of thousands of short strings: setup data, not rows
    List<String> sets = realKeys.select("composition_key").distinct()
        .map((MapFunction<Row, String>) r -> elementSet(r.getString(0)), Encoders.STRING())
        .distinct().orderBy("value").collectAsList();
    if (sets.isEmpty()) {
      throw new IllegalArgumentException("no real compositions to take element sets from");
    }
    Broadcast<List<String>> shared =
        JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(new ArrayList<>(sets));
    long drawn = (long) Math.ceil(rows * OVERDRAW);
    int partitions = Math.max(1, (int) (drawn / 200_000));
    Dataset<String> keys = spark.range(0, drawn, 1, partitions).mapPartitions(
        (MapPartitionsFunction<Long, String>) ids -> draw(ids, shared.value(), seed), Encoders.STRING());
    // a seeded shuffle, so that the rows kept do not favour any element set
    return keys.distinct().toDF("composition_key")
        .orderBy(xxhash64(lit(seed), col("composition_key")), col("composition_key")).limit((int) rows);
  }

  /** The sorted symbols of a key's elements, space-separated: {@code Fe O}. */
  static String elementSet(String key) {
    Composition c = Composition.ofKey(key);
    StringBuilder set = new StringBuilder();
    for (int i = 0; i < c.size(); i++) {
      set.append(i == 0 ? "" : " ").append(c.element(i));
    }
    return set.toString();
  }

  private static Iterator<String> draw(Iterator<Long> ids, List<String> sets, long seed) {
    return new Iterator<>() {
      private SplittableRandom random;

      @Override
      public boolean hasNext() {
        return ids.hasNext();
      }

      @Override
      public String next() {
        long id = ids.next();
        if (random == null) { // seeded by the partition's first id, so the draw does not depend on scheduling
          random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + id);
        }
        StringBuilder formula = new StringBuilder();
        for (String element : sets.get(random.nextInt(sets.size())).split(" ")) {
          formula.append(element).append(1 + random.nextInt(MAX_AMOUNT));
        }
        return FormulaParser.parse(formula.toString()).key();
      }
    };
  }
}
