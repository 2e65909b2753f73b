package org.transferlake.model.learn;

import java.util.Collections;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The {@link ModelReader}s on the class path by learner name. Class initialisation loads them once, thread-safely,
 * when the first model is loaded.
 */
final class ModelReaders {
  private static final Map<String, ModelReader> BY_LEARNER = load();

  private ModelReaders() {}

  static Map<String, ModelReader> byLearner() {
    return BY_LEARNER;
  }

  private static Map<String, ModelReader> load() {
    Map<String, ModelReader> readers = new TreeMap<>();
    for (ModelReader reader : ServiceLoader.load(ModelReader.class, ModelReader.class.getClassLoader())) {
      for (String learner : reader.learners()) {
        ModelReader other = readers.putIfAbsent(learner, reader);
        if (other != null) {
          throw new IllegalStateException("two model readers for learner '" + learner + "': "
              + other.getClass().getName() + " and " + reader.getClass().getName());
        }
      }
    }
    return Collections.unmodifiableMap(readers);
  }
}
