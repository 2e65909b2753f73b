package org.transferlake.model.components;

import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.transferlake.model.learn.LearnerComponent;
import org.transferlake.model.learn.Model;
import org.transferlake.model.learn.ModelIO;
import org.transferlake.model.learn.ModelReader;
import org.transferlake.model.learn.forest.ForestLearner;
import org.transferlake.model.learn.mllib.MllibLearner;
import org.transferlake.model.learn.mlp.MlpLearner;
import org.transferlake.model.transfer.ArchitectureComponent;
import org.transferlake.model.transfer.ArchitectureWrapper;
import org.transferlake.model.transfer.Difference;
import org.transferlake.model.transfer.LatentVariable;
import org.transferlake.model.transfer.MultiTask;
import org.transferlake.model.transfer.NaiveUnion;
import org.transferlake.model.transfer.SourceOnly;
import org.transferlake.model.transfer.Stacked;
import org.transferlake.model.transfer.TargetOnly;
import org.transferlake.model.transfer.TwoStage;

/**
 * The registry of components: every learner, architecture and architecture wrapper the pipeline knows, each
 * declared by its own class and registered here by one line. Everything that goes from a name to a component
 * (experiment files, work units, saved models, reports) asks here.
 */
public final class Components {
  private static final Map<String, LearnerComponent> LEARNERS = byName(List.of(
      ForestLearner.COMPONENT,
      MlpLearner.COMPONENT,
      MllibLearner.RANDOM_FOREST_COMPONENT,
      MllibLearner.GBT_COMPONENT,
      MllibLearner.LINEAR_COMPONENT), LearnerComponent::name);

  /** In the order reports list them: the yardsticks first. */
  private static final Map<String, ArchitectureComponent> ARCHITECTURES = byName(List.of(
      TargetOnly.COMPONENT,
      SourceOnly.COMPONENT,
      NaiveUnion.COMPONENT,
      NaiveUnion.WITH_CONTEXT_COMPONENT,
      MultiTask.COMPONENT,
      Difference.COMPONENT,
      LatentVariable.COMPONENT), ArchitectureComponent::name);

  private static final List<ArchitectureWrapper> WRAPPERS = List.of(
      TwoStage.WRAPPER,
      Stacked.WRAPPER);

  /** The architecture every other is measured against: the target context alone. */
  public static final String YARDSTICK = TargetOnly.COMPONENT.name();
  /** The yardstick of transfer: the source's value alone, nothing learned from the target. */
  public static final String SOURCE_YARDSTICK = SourceOnly.COMPONENT.name();

  private static final Map<String, ModelReader> READERS = readers();
  private static final Map<String, ArchitectureComponent> WRAPPED = new java.util.concurrent.ConcurrentHashMap<>();

  private Components() {}

  public static List<String> learnerNames() {
    return List.copyOf(LEARNERS.keySet());
  }

  public static boolean isLearner(String name) {
    return LEARNERS.containsKey(name);
  }

  /** @throws IllegalArgumentException naming the known learners, when {@code name} is not one */
  public static LearnerComponent learner(String name) {
    LearnerComponent learner = LEARNERS.get(name);
    if (learner == null) {
      throw new IllegalArgumentException("learner '" + name + "' is not known (known: "
          + String.join(", ", LEARNERS.keySet()) + ")");
    }
    return learner;
  }

  public static List<LearnerComponent> learners() {
    return List.copyOf(LEARNERS.values());
  }

  /** The registered architectures' names, wrappers aside, in report order. */
  public static List<String> architectureNames() {
    return List.copyOf(ARCHITECTURES.keySet());
  }

  public static List<ArchitectureComponent> architectures() {
    return List.copyOf(ARCHITECTURES.values());
  }

  public static List<ArchitectureWrapper> wrappers() {
    return WRAPPERS;
  }

  /**
   * The architecture {@code name} stands for: a registered one, or a wrapper's prefix before one
   * ({@code two_stage_difference}).
   *
   * @throws IllegalArgumentException naming the known architectures and wrappers, when it is neither
   */
  public static ArchitectureComponent architecture(String name) {
    ArchitectureComponent found = ARCHITECTURES.getOrDefault(name, WRAPPED.get(name));
    if (found == null) {
      // a wrapped name is built once (the cost model asks for every unit while tasks are packed); not with
      // computeIfAbsent, which a nested wrapper would re-enter
      found = wrapped(name);
      WRAPPED.putIfAbsent(name, found);
    }
    return found;
  }

  private static ArchitectureComponent wrapped(String name) {
    for (ArchitectureWrapper wrapper : WRAPPERS) {
      if (name.startsWith(wrapper.prefix())) {
        return wrapper.around(architecture(name.substring(wrapper.prefix().length())));
      }
    }
    throw new IllegalArgumentException("architecture '" + name + "' is not known (known: "
        + String.join(", ", ARCHITECTURES.keySet()) + "; each also as "
        + String.join(", ", WRAPPERS.stream().map(w -> w.prefix() + "<name>").toList()) + ")");
  }

  /** Whether {@link #architecture} knows {@code name}. */
  public static boolean isArchitecture(String name) {
    try {
      architecture(name);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Each learner's model reader, by learner name: for {@link ModelIO#load}. */
  public static Map<String, ModelReader> modelReaders() {
    return READERS;
  }

  /** A model saved by {@link ModelIO#save}, read by its learner's reader. */
  public static Model readModel(byte[] bytes, String what) throws IOException {
    return ModelIO.fromBytes(bytes, what, READERS);
  }

  private static Map<String, ModelReader> readers() {
    Map<String, ModelReader> readers = new LinkedHashMap<>();
    LEARNERS.values().forEach(l -> readers.put(l.name(), l.reader()));
    return Collections.unmodifiableMap(readers);
  }

  private static <T> Map<String, T> byName(List<T> components, java.util.function.Function<T, String> name) {
    Map<String, T> out = new LinkedHashMap<>();
    for (T c : components) {
      if (out.put(name.apply(c), c) != null) {
        throw new IllegalStateException("two components named " + name.apply(c));
      }
    }
    return Collections.unmodifiableMap(out);
  }
}
