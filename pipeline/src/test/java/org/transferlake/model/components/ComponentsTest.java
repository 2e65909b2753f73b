package org.transferlake.model.components;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.transferlake.model.learn.Learner;
import org.transferlake.model.learn.LearnerComponent;
import org.transferlake.model.learn.Param;
import org.transferlake.model.transfer.ArchitectureComponent;
import org.transferlake.model.transfer.ArchitectureSettings;

class ComponentsTest {
  private static final ArchitectureSettings SETTINGS = new ArchitectureSettings(true, false);

  @Test
  void everyNameIsRegisteredOnceInReportOrder() {
    assertEquals(List.of("forest", "mlp", "mllib_rf", "mllib_gbt", "mllib_linear"), Components.learnerNames());
    assertEquals(List.of("target_only", "source_only", "naive_union", "union_context", "multi_task", "difference",
        "latent_variable"), Components.architectureNames());
    assertEquals(Components.learnerNames(), List.copyOf(Components.modelReaders().keySet()));
  }

  @Test
  void aWrapperAppliesToEveryArchitectureAndKeepsWhatItNeeds() {
    for (ArchitectureComponent inner : Components.architectures()) {
      ArchitectureComponent wrapped = Components.architecture("two_stage_" + inner.name());
      assertEquals("two_stage_" + inner.name(), wrapped.name());
      assertEquals("two_stage_" + inner.name(), wrapped.create(SETTINGS).name());
      assertEquals(inner.sourceUse(), wrapped.sourceUse());
      assertEquals(inner.name(), inner.create(SETTINGS).name());
    }
    assertTrue(Components.isArchitecture("two_stage_two_stage_difference"), "wrappers compose");
    assertFalse(Components.isArchitecture("two_stage_magic"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Components.architecture("magic")).getMessage()
        .endsWith("(known: target_only, source_only, naive_union, union_context, multi_task, difference,"
            + " latent_variable; each also as two_stage_<name>, stacked_<name>)"));
  }

  @Test
  void onlySourceOnlyFitsNoLearnerAndItsTwoStageFitsTheClassifier() {
    assertEquals(List.of("source_only"), Components.architectures().stream().filter(a -> !a.usesLearner())
        .map(ArchitectureComponent::name).toList());
    assertTrue(Components.architecture("two_stage_source_only").usesLearner());
    ArchitectureComponent.Needs needs = Components.architecture("source_only").needs();
    assertTrue(needs.takes(1, true) && needs.takes(14, true), "reads the first of any number of sources");
    assertFalse(needs.takes(0, true) || needs.takes(1, false), "a source and a numeric target");
  }

  @Test
  void everyLearnersDefaultsAreValidAndItsParamsRoundTripThroughTheirText() {
    for (LearnerComponent component : Components.learners()) {
      Learner learner = component.create(Map.of(), 1);
      assertEquals(component.name(), learner.name());
      // what a learner records as its params builds the same learner again
      assertEquals(learner, component.create(learner.params(), 1), component.name());
      for (Param<?> p : component.params()) {
        assertFalse(p.doc().isBlank(), component.name() + " " + p.name());
        assertTrue(p.name().matches("[a-z]+(-[a-z]+)*"), "kebab-case: " + p.name());
      }
      assertTrue(component.fitSeconds(Map.of(), 1000) > 0, component.name());
    }
  }

  @Test
  void aBadHyperparameterNamesItself() {
    LearnerComponent forest = Components.learner("forest");
    Param.Invalid e = assertThrows(Param.Invalid.class, () -> forest.create(Map.of("max-features", "2"), 1));
    assertEquals("max-features", e.param());
    assertEquals("2: expected a fraction in (0, 1]", e.reason());
    e = assertThrows(Param.Invalid.class, () -> forest.create(Map.of("trees", "many"), 1));
    assertEquals("many: expected at least 2 (the jackknife needs several trees)", e.reason());
    e = assertThrows(Param.Invalid.class, () -> Components.learner("mlp").create(Map.of("activation", "swish"), 1));
    assertEquals("swish: expected relu, tanh or gelu", e.reason());
    e = assertThrows(Param.Invalid.class, () -> Components.learner("mllib_linear").create(Map.of("trees", "5"), 1));
    assertEquals("unknown hyperparameter 'trees' (known: reg-param)", e.getMessage());
  }
}
