package org.transferlake.train.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.transferlake.config.SettingsException;
import org.transferlake.testing.TestPaths;

/** A source's {@code context} as a chain of contexts of one property: read, refused when malformed, shipped. */
class SourceChainsTest {
  private static final String MP = "band_gap/pbe/matbench_mp_gap";
  private static final String MP2019 = "band_gap/pbe/mp2019_gap";
  private static final String OQMD = "band_gap/pbe/oqmd_gap";
  private static final String AFLOW = "band_gap/pbe/aflow_gap";
  private static final String FILE = "chain.conf";

  /** An experiment whose one source's context is written {@code context}. */
  private static String experiment(String context) {
    return """
        name = chain
        target = "band_gap/experiment/matbench_expt_gap"
        sources = [ { context = %s, aggregate = mean } ]
        features = magpie
        architectures = [target_only, source_only, difference]
        learners = [ { name = forest, grid { trees = [10] } } ]
        """.formatted(context);
  }

  private static String refusal(String context) {
    return assertThrows(SettingsException.class, () -> ExperimentCatalog.parse(experiment(context), FILE))
        .getMessage();
  }

  @Test
  void aChainKeepsItsLinksInOrderUnderOneNameWithItsAggregate() {
    ExperimentDefinition.SourceSpec s = ExperimentCatalog.parse(experiment("[\"" + OQMD + "\", \"" + MP + "\"]"),
        FILE).sources().get(0);
    assertEquals(List.of(ContextRef.parse(OQMD), ContextRef.parse(MP)), s.links());
    assertTrue(s.chain());
    assertEquals(OQMD + " > " + MP, s.id());
    assertEquals(Aggregation.MEAN, s.aggregate());
  }

  @Test
  void aSingleContextReadsAsBefore() {
    ExperimentDefinition.SourceSpec s = ExperimentCatalog.parse(experiment("\"" + MP + "\""), FILE).sources().get(0);
    assertEquals(List.of(ContextRef.parse(MP)), s.links());
    assertFalse(s.chain());
    assertEquals(MP, s.id());
  }

  @Test
  void aMalformedChainIsRefusedWithTheFileTheKeyAndTheFix() {
    assertTrue(refusal("[]").startsWith(FILE + ": sources[0].context: an empty chain names no context; write one"
        + " context as a string"), refusal("[]"));
    assertTrue(refusal("[\"" + MP + "\"]").startsWith(FILE + ": sources[0].context: a chain of one link; write one"
        + " context as a string"));
    assertEquals(FILE + ": sources[0].context[2]: " + MP + " is already link 0 of the chain; a link is listed once:"
        + " remove the repeat", refusal("[\"" + MP + "\", \"" + OQMD + "\", \"" + MP + "\"]"));
    assertEquals(FILE + ": sources[0].context[1]: is_metal/pbe/matbench_mp_is_metal is a is_metal context but the"
        + " chain's first link, " + MP + ", is band_gap; a chain's links are of one property: use a separate source"
        + " for another property", refusal("[\"" + MP + "\", \"is_metal/pbe/matbench_mp_is_metal\"]"));
    assertEquals(FILE + ": sources[0].context[1]: 'band_gap/oqmd_gap' is not a context: expected"
        + " property/fidelity/source_id", refusal("[\"" + MP + "\", \"band_gap/oqmd_gap\"]"));
    assertEquals(FILE + ": sources[0].context[0]: expected a context \"property/fidelity/source_id\", in quotes",
        refusal("[{ a = 1 }, \"" + MP + "\"]"));
    assertTrue(refusal("{ a = 1 }").startsWith(FILE + ": sources[0].context: expected a context"
        + " \"property/fidelity/source_id\", or a chain"));
    assertEquals(FILE + ": sources[0]: the target context cannot also be a source",
        refusal("[\"" + MP + "\", \"band_gap/experiment/matbench_expt_gap\"]"));
  }

  @Test
  void anExperimentalSourceAllowedMayBeALinkOfAChain() {
    String borlido = "band_gap/experiment/borlido2019";
    ExperimentDefinition e = ExperimentCatalog.parse(experiment("[\"" + MP + "\", \"" + borlido + "\"]")
        + "allow-experimental-sources { \"" + borlido + "\" = \"a sensitivity check\" }\n", FILE);
    assertEquals(Map.of(borlido, "a sensitivity check"), e.allowedExperimentalSources());
  }

  @Test
  void aLinkTheSourceCatalogDoesNotDeclareIsRefusedWithTheNearestOnes() {
    ExperimentDefinition e = ExperimentCatalog.parse(experiment("[\"" + MP + "\", \"band_gap/pbe/oqmd_gp\"]"), FILE);
    SettingsException refused = assertThrows(SettingsException.class,
        () -> UnknownLinks.refuse(e, List.of(MP, OQMD, AFLOW)));
    assertEquals(FILE + ": sources[0].context[1]: band_gap/pbe/oqmd_gp is no context of the source catalog; nearest: "
        + OQMD + ", " + AFLOW + ", " + MP + " (correct the id, or declare the source in transferlake.sources.dir or"
        + " the workspace's sources)", refused.getMessage());
    UnknownLinks.refuse(ExperimentCatalog.parse(experiment("[\"" + MP + "\", \"" + OQMD + "\"]"), FILE),
        List.of(MP, OQMD));
  }

  @Test
  void theShippedPbeChainPutsMaterialsProjectFirstAndIsInTheFullProfileOnly() throws IOException {
    File dir = new File(TestPaths.project(), "conf");
    ExperimentDefinition e = ExperimentCatalog.load(new File(dir, "experiments"), "study1_gap_pbe_chain");
    assertEquals(1, e.sources().size());
    assertEquals(List.of(MP, MP2019, OQMD, AFLOW), e.sources().get(0).links().stream().map(ContextRef::id).toList());
    assertEquals(Aggregation.MEDIAN, e.sources().get(0).aggregate());
    assertEquals(List.of("target_only", "source_only", "difference", "latent_variable", "two_stage_difference"),
        e.architectures());
    assertEquals(List.of("forest"), e.learners().stream().map(LearnerSpec::name).toList());
    ExperimentDefinition single = ExperimentCatalog.load(new File(dir, "experiments"), "study1_gap_mp_pbe");
    assertEquals(single.foldTable(), e.foldTable());
    assertEquals(single.sourceParams(), e.sourceParams());
    assertTrue(Files.readString(new File(dir, "full.conf").toPath()).contains("study1_gap_pbe_chain"));
    assertFalse(Files.readString(new File(dir, "paper.conf").toPath()).contains("study1_gap_pbe_chain"));
  }
}
