package org.transferlake.model.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.transferlake.model.learn.Learner;
import org.transferlake.model.learn.ModelFormatException;
import org.transferlake.model.learn.Prediction;
import org.transferlake.model.learn.forest.ForestLearner;
import org.transferlake.model.components.Components;
import org.transferlake.model.transfer.Architecture;
import org.transferlake.model.transfer.ArchitectureSettings;
import org.transferlake.model.transfer.ContextSet;
import org.transferlake.model.transfer.Difference;
import org.transferlake.model.transfer.LatentVariable;
import org.transferlake.model.transfer.MultiTask;
import org.transferlake.model.transfer.NaiveUnion;
import org.transferlake.model.transfer.SourceModels;
import org.transferlake.model.transfer.SourceOnly;
import org.transferlake.model.transfer.TargetOnly;
import org.transferlake.model.transfer.TransferData;
import org.transferlake.model.transfer.TransferModel;
import org.transferlake.model.transfer.TwoStage;
import org.transferlake.testing.MultiContextData;

/** A registered model file predicts exactly as the model that was saved, and a damaged one refuses to load. */
class TransferArtifactTest {
  private static final Learner FOREST = ForestLearner.defaults().withTrees(20);
  private static final MultiContextData.Relation OFFSET = (l, x) -> l < 1.2 ? 0 : l + 1.0;
  private static final ContextSet SOURCE = MultiContextData.context("source", 600, 0, (l, x) -> l, 0.05, 1);
  private static final ContextSet TRAIN = MultiContextData.context("target", 60, 50_000, OFFSET, 0.0, 2);

  /** Half of the test compositions the source has measured (keys c0..), half it has never seen. */
  private static ContextSet test() {
    ContextSet unseen = MultiContextData.context("target", 40, 100_000, OFFSET, 0.0, 3);
    ContextSet seen = MultiContextData.context("target", 40, 0, OFFSET, 0.0, 1);
    List<String> keys = new ArrayList<>(List.of(unseen.keys()));
    keys.addAll(List.of(seen.keys()));
    List<double[]> x = new ArrayList<>(List.of(unseen.x()));
    x.addAll(List.of(seen.x()));
    double[] y = new double[80];
    return new ContextSet("target", TRAIN.label(), keys.toArray(new String[0]), x.toArray(new double[0][]), y);
  }

  private static Architecture architecture(String name) {
    return switch (name) {
      case "target_only" -> new TargetOnly();
      case "naive_union" -> NaiveUnion.plain();
      case "union_context" -> NaiveUnion.withContext();
      case "multi_task" -> new MultiTask();
      case "difference" -> new Difference(true, false);
      case "source_only" -> new SourceOnly(true);
      case "two_stage_source_only" -> new TwoStage(new SourceOnly(true), true, true);
      case "two_stage_latent_variable" -> new TwoStage(new LatentVariable(true, true), true, true);
      case "stacked_difference", "stacked_two_stage_difference", "two_stage_stacked_difference" ->
          Components.architecture(name).create(new ArchitectureSettings(true, false));
      default -> new LatentVariable(true, true);
    };
  }

  @ParameterizedTest
  @ValueSource(strings = {"target_only", "source_only", "naive_union", "union_context", "multi_task", "difference",
      "latent_variable", "two_stage_latent_variable", "two_stage_source_only", "stacked_difference",
      "stacked_two_stage_difference", "two_stage_stacked_difference"})
  void aSavedModelPredictsExactlyAsTheOneItSaved(String name) throws Exception {
    SourceModels sources = SourceModels.of(List.of(SOURCE), FOREST, 3, 7);
    TransferModel fitted = architecture(name).fit(new TransferData(TRAIN, List.of(SOURCE)), FOREST, sources, 5);
    TransferArtifact saved = new TransferArtifact(fitted, Map.of("experiment", "e1", "learner", "forest"),
        List.of("f0", "f1", "f2", "f3", "f4"), List.of("O", "Fe", "O"));
    byte[] bytes = saved.toBytes();

    TransferArtifact loaded = TransferArtifact.fromBytes(bytes, "test artifact");
    ContextSet test = test();
    Prediction before = fitted.predict(test.keys(), test.x());
    Prediction after = loaded.model().predict(test.keys(), test.x());
    assertEquals(name, loaded.model().architecture());
    assertEquals(fitted.options(), loaded.model().options(), "what the fit settled (source_only's σ) is kept");
    assertArrayEquals(before.mean(0), after.mean(0), 0.0);
    assertArrayEquals(before.std(0), after.std(0), 0.0);
    assertEquals(Map.of("experiment", "e1", "learner", "forest"), loaded.about());
    assertEquals(List.of("f0", "f1", "f2", "f3", "f4"), loaded.featureColumns());
    assertEquals(List.of("Fe", "O"), loaded.seenElements());
  }

  @Test
  void aDamagedFileFailsToLoadNamingIt() throws Exception {
    SourceModels sources = SourceModels.of(List.of(SOURCE), FOREST, 3, 7);
    TransferModel fitted = new Difference(true, false).fit(new TransferData(TRAIN, List.of(SOURCE)), FOREST, sources, 5);
    byte[] bytes = new TransferArtifact(fitted, Map.of(), List.of(), List.of()).toBytes();

    byte[] flipped = bytes.clone();
    flipped[bytes.length / 2] ^= 0x10;
    ModelFormatException corrupt = assertThrows(ModelFormatException.class,
        () -> TransferArtifact.fromBytes(flipped, "models/x.tlm"));
    assertTrue(corrupt.getMessage().startsWith("models/x.tlm is corrupt: checksum"), corrupt.getMessage());

    byte[] cut = java.util.Arrays.copyOf(bytes, bytes.length - 100);
    assertTrue(assertThrows(ModelFormatException.class, () -> TransferArtifact.fromBytes(cut, "models/x.tlm"))
        .getMessage().contains("truncated"));

    byte[] other = "PK\3\4 not a model at all".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    assertTrue(assertThrows(ModelFormatException.class, () -> TransferArtifact.fromBytes(other, "models/x.tlm"))
        .getMessage().contains("not a transferlake model artifact"));
  }
}
