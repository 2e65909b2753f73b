package org.transferlake.train.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.transferlake.config.SettingsException;
import org.transferlake.lineage.Lineage;
import org.transferlake.lineage.Link;
import org.transferlake.testing.TestSpark;
import org.transferlake.train.experiment.ExperimentCatalog;
import org.transferlake.train.experiment.ExperimentDefinition;

/** A source chain merged first link first, its coverage of the target counted, and every link checked for leaks. */
class SourceChainTest {
  private static final StructType LINK = new StructType()
      .add("composition_key", DataTypes.StringType)
      .add("values", DataTypes.createArrayType(DataTypes.DoubleType));
  private static final String TARGET = "band_gap/experiment/matbench_expt_gap";
  private static final List<String> LINKS = List.of("band_gap/pbe/matbench_mp_gap", "band_gap/pbe/mp2019_gap",
      "band_gap/pbe/oqmd_gap");

  private static Dataset<Row> link(Object... keyThenValues) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < keyThenValues.length; i += 2) {
      rows.add(RowFactory.create(keyThenValues[i], keyThenValues[i + 1]));
    }
    return TestSpark.session().createDataFrame(rows, LINK);
  }

  private static scala.collection.immutable.Seq<Double> values(double... v) {
    List<Double> out = new ArrayList<>();
    for (double d : v) {
      out.add(d);
    }
    return scala.jdk.javaapi.CollectionConverters.asScala(out).toList();
  }

  @Test
  void eachCompositionTakesTheValuesOfTheFirstLinkThatHoldsIt() {
    Dataset<Row> merged = SourceChain.firstLinkWins(List.of(
        link("A", values(1.0), "B", values(2.0, 4.0)),
        link("B", values(9.0), "C", values(3.0)),
        link("A", values(7.0), "C", values(8.0), "D", values(5.0, 6.0))));
    Map<String, String> byKey = new TreeMap<>();
    Map<String, Integer> linkByKey = new TreeMap<>();
    for (Row r : merged.collectAsList()) {
      byKey.put(r.getString(0), r.getInt(2) + " " + r.getList(1));
      linkByKey.put(r.getString(0), r.getInt(2));
    }
    assertEquals(Map.of("A", "0 [1.0]", "B", "0 [2.0, 4.0]", "C", "1 [3.0]", "D", "2 [5.0, 6.0]"), byKey);

    ChainCoverage coverage = ChainCoverage.of("sources[0]", LINKS, linkByKey,
        new String[] {"A", "B", "B", "C", "E", "A"});
    assertEquals(List.of(2L, 1L, 0L), coverage.covered(), "a composition of several target records counts once");
    assertEquals(1L, coverage.uncovered());
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put(LINKS.get(0), 2L);
    counts.put(LINKS.get(1), 1L);
    counts.put(LINKS.get(2), 0L);
    counts.put("no link", 1L);
    assertEquals(List.copyOf(counts.entrySet()), List.copyOf(coverage.counts().entrySet()));
    assertEquals(List.of("sources[0][0] " + LINKS.get(0), "sources[0][1] " + LINKS.get(1),
        "sources[0][2] " + LINKS.get(2), "sources[0][none]"), List.copyOf(coverage.runRecord().keySet()));
  }

  @Test
  void aChainNeedsALink() {
    assertThrows(IllegalArgumentException.class, () -> SourceChain.firstLinkWins(List.of()));
  }

  private static ExperimentDefinition chainExperiment(String links, String more) {
    return ExperimentCatalog.parse("""
        name = chain
        target = "%s"
        sources = [ { context = %s } ]
        features = magpie
        architectures = [target_only, difference]
        learners = [ { name = forest } ]
        """.formatted(TARGET, links) + more, "chain.conf");
  }

  @Test
  void aLinkLinkedToTheTargetRefusesTheExperiment() {
    ExperimentDefinition e = chainExperiment("[\"" + LINKS.get(0) + "\", \"" + LINKS.get(2) + "\"]", "");
    Lineage lineage = new Lineage(List.of(new Link(LINKS.get(2), Link.DERIVED_FROM, TARGET, "a test")), Map.of(),
        false, List.of("experiment"));
    String message = assertThrows(SettingsException.class, () -> LeakingSources.refuse(e, lineage)).getMessage();
    assertEquals("experiment chain (chain.conf): source contexts refused, so that test targets cannot leak in through"
        + " a source:\n  - " + LINKS.get(2) + ": linked to the target " + TARGET + ": " + LINKS.get(2)
        + " derived_from " + TARGET + " (a test)", message);
    LeakingSources.refuse(e, new Lineage(List.of(), Map.of(), false, List.of("experiment")));
  }

  @Test
  void anExperimentalLinkIsRefusedUnlessTheExperimentAllowsIt() {
    String borlido = "band_gap/experiment/borlido2019";
    String chain = "[\"" + LINKS.get(0) + "\", \"" + borlido + "\"]";
    String message = assertThrows(SettingsException.class, () -> LeakingSources.refuseExperimental(
        chainExperiment(chain, ""), List.of("experiment"))).getMessage();
    assertTrue(message.contains("\n  - " + borlido + ": both are experimental band_gap values"), message);
    LeakingSources.refuseExperimental(chainExperiment(chain, "allow-experimental-sources { \"" + borlido
        + "\" = \"measured on other samples\" }\n"), List.of("experiment"));
  }
}
