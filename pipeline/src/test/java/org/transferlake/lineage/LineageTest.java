package org.transferlake.lineage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LineageTest {
  private static final String ZHUO = "band_gap/experiment/zhuo2018_expt_gap";
  private static final String EXPT_GAP = "band_gap/experiment/matbench_expt_gap";
  private static final String EXPT_METAL = "is_metal/experiment/matbench_expt_is_metal";
  private static final String MEGNET_EXP = "band_gap/experiment/megnet_multifidelity";
  private static final String MEGNET_PBE = "band_gap/pbe/megnet_multifidelity";
  private static final String MEGNET_HSE = "band_gap/hse06/megnet_multifidelity";
  private static final String MEGNET_SCAN = "band_gap/scan/megnet_multifidelity";
  private static final String MP2019 = "band_gap/pbe/mp2019_gap";
  private static final String MP_GAP = "band_gap/pbe/matbench_mp_gap";
  private static final String MP_METAL = "is_metal/pbe/matbench_mp_is_metal";
  private static final String BORLIDO_SCAN = "band_gap/scan/borlido2019";
  private static final String BORLIDO_PBE = "band_gap/pbe/borlido2019";
  private static final String BORLIDO_EXP = "band_gap/experiment/borlido2019";
  private static final String STREHLOW_GAP = "band_gap/experiment/strehlow_cook_1973";
  private static final String STREHLOW_COLOR = "color/experiment/strehlow_cook_1973";
  private static final List<String> MEASURED = List.of("experiment");

  /** The links design.md lists. */
  private static final List<Link> DESIGN = List.of(
      new Link(MEGNET_PBE, Link.SAME_AS, MP2019, null),
      new Link(BORLIDO_SCAN, Link.SAME_AS, MEGNET_SCAN, null),
      new Link(MEGNET_EXP, Link.SAME_AS, ZHUO, "about 92 %"),
      new Link(EXPT_GAP, Link.DERIVED_FROM, ZHUO, null),
      new Link(EXPT_METAL, Link.DERIVED_FROM, ZHUO, null),
      new Link(MP_METAL, Link.DERIVED_FROM, MP_GAP, null));

  private static final List<String> ALL = List.of(ZHUO, EXPT_GAP, EXPT_METAL, MEGNET_EXP, MEGNET_PBE, MEGNET_HSE,
      MEGNET_SCAN, MP2019, MP_GAP, MP_METAL, BORLIDO_SCAN, BORLIDO_PBE);

  private static final Lineage LINEAGE = new Lineage(DESIGN, Map.of("borlido2019", List.of("no_licence")), false,
      MEASURED);

  @Test
  void aLinkIsRefusedInEitherDirectionAndAcrossPropertiesButNeverSpreadsToOtherFidelities() {
    assertEquals(List.of(ZHUO, EXPT_GAP, EXPT_METAL, MEGNET_EXP), List.copyOf(LINEAGE.refused(ZHUO, ALL).keySet()));
    Map<String, String> forMatbench = LINEAGE.refused(EXPT_GAP, ALL);
    assertEquals(List.of(ZHUO, EXPT_GAP, EXPT_METAL, MEGNET_EXP), List.copyOf(forMatbench.keySet()),
        "the metal labels and MEGNet's experiment reach the target through Zhuo");
    assertEquals("linked to the target " + EXPT_GAP + ": " + EXPT_GAP + " derived_from " + ZHUO + "; "
        + MEGNET_EXP + " same_as " + ZHUO + " (about 92 %)", forMatbench.get(MEGNET_EXP));
    assertEquals("it is the target context", forMatbench.get(EXPT_GAP));
    assertEquals(List.of(MEGNET_PBE, MP2019), List.copyOf(LINEAGE.refused(MP2019, ALL).keySet()));
    assertEquals(List.of(MP_GAP, MP_METAL), List.copyOf(LINEAGE.refused(MP_METAL, ALL).keySet()));
    assertEquals(List.of(MEGNET_SCAN, BORLIDO_SCAN), List.copyOf(LINEAGE.refused(MEGNET_SCAN, ALL).keySet()));
  }

  @Test
  void flaggedSourcesAreRefusedOnlyWhenTheSettingSaysSo() {
    assertTrue(LINEAGE.refused(ZHUO, List.of(BORLIDO_PBE)).isEmpty());
    Lineage excluding = new Lineage(DESIGN, Map.of("borlido2019", List.of("no_licence")), true, MEASURED);
    assertEquals(Map.of(BORLIDO_PBE, "source borlido2019 is flagged no_licence and transferlake.sources.exclude-flagged"
        + " = true"), excluding.refused(ZHUO, List.of(BORLIDO_PBE, MP2019)));
    assertTrue(excluding.refused(MEGNET_SCAN, List.of(BORLIDO_SCAN)).get(BORLIDO_SCAN).contains("; source borlido2019"),
        "both reasons are given");
  }

  @Test
  void anExperimentalSourceOfTheExperimentalTargetsPropertyIsRefusedSayingHowToAllowIt() {
    Map<String, String> refused = LINEAGE.refused(EXPT_GAP, List.of(BORLIDO_EXP, MP_GAP, STREHLOW_GAP, BORLIDO_PBE));
    assertEquals(List.of(BORLIDO_EXP, STREHLOW_GAP), List.copyOf(refused.keySet()), "computed fidelities are kept");
    assertEquals("both are experimental band_gap values (transferlake.lineage.experimental-fidelities): measurements"
        + " of the same property can be the same measurements, a leak; to use it anyway, allow it in the experiment:"
        + " allow-experimental-sources { \"" + BORLIDO_EXP + "\" = \"why\" }", refused.get(BORLIDO_EXP));
    assertEquals("linked to the target " + EXPT_GAP + ": " + EXPT_GAP + " derived_from " + ZHUO,
        LINEAGE.refused(EXPT_GAP, List.of(ZHUO)).get(ZHUO), "a link says more than the fidelities: it alone is given");
  }

  @Test
  void theRuleNeedsBothFidelitiesExperimentalAndOneProperty() {
    assertTrue(LINEAGE.refused(MP_GAP, List.of(BORLIDO_EXP, STREHLOW_GAP)).isEmpty(), "a computed target");
    assertTrue(LINEAGE.refused(STREHLOW_COLOR, List.of(STREHLOW_GAP, BORLIDO_EXP)).isEmpty(),
        "colours measured beside gaps are another property (study2_color)");
    String lab = "band_gap/lab/lab_gaps";
    assertTrue(LINEAGE.refused(lab, List.of(EXPT_GAP)).isEmpty(), "lab is no experimental fidelity by default");
    assertEquals(List.of(EXPT_GAP), List.copyOf(Lineage.withoutLinks(List.of("experiment", "lab"))
        .refused(lab, List.of(EXPT_GAP, MP_GAP)).keySet()), "a workspace declares its own measured fidelity");
    assertTrue(Lineage.withoutLinks(List.of()).refused(EXPT_GAP, List.of(BORLIDO_EXP)).isEmpty(), "no rule when none");
  }

  @Test
  void anAllowanceLiftsTheExperimentalRuleButNeverALinkOrAFlag() {
    assertTrue(LINEAGE.refused(EXPT_GAP, List.of(BORLIDO_EXP, STREHLOW_GAP), List.of(BORLIDO_EXP, STREHLOW_GAP))
        .isEmpty());
    assertEquals(List.of(STREHLOW_GAP), List.copyOf(LINEAGE.refused(EXPT_GAP, List.of(BORLIDO_EXP, STREHLOW_GAP),
        List.of(BORLIDO_EXP)).keySet()), "each source is allowed by name");
    assertEquals(List.of(ZHUO), List.copyOf(LINEAGE.refused(EXPT_GAP, List.of(ZHUO), List.of(ZHUO)).keySet()));
    Lineage excluding = new Lineage(DESIGN, Map.of("borlido2019", List.of("no_licence")), true, MEASURED);
    assertEquals(Map.of(BORLIDO_EXP, "source borlido2019 is flagged no_licence and transferlake.sources.exclude-flagged"
        + " = true"), excluding.refused(EXPT_GAP, List.of(BORLIDO_EXP), List.of(BORLIDO_EXP)));
  }

  @Test
  void aMalformedContextIsRefusedNamingTheForm() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LINEAGE.refused("band_gap/pbe", List.of()));
    assertEquals("context 'band_gap/pbe' is not property/fidelity/source_id", e.getMessage());
  }
}
