package org.transferlake.model.learn;

import java.io.Serializable;
import java.util.List;

/**
 * One output of a learner: a regression value, or a class among {@code classes} (stored as its index).
 *
 * @param weight the label's share of a multi-task split criterion (impurities of standardised labels are summed
 *     with these weights, so variance and Gini can be put on a chosen scale)
 */
public record Label(String name, List<String> classes, double weight) implements Serializable {

  public Label {
    classes = List.copyOf(classes);
    if (!(weight > 0)) {
      throw new IllegalArgumentException("label " + name + ": weight must be above 0, got " + weight);
    }
    if (classes.size() == 1) {
      throw new IllegalArgumentException("label " + name + ": a classification label needs at least two classes");
    }
  }

  public static Label regression(String name) {
    return new Label(name, List.of(), 1.0);
  }

  public static Label classification(String name, List<String> classes) {
    return new Label(name, classes, 1.0);
  }

  public boolean isClassification() {
    return !classes.isEmpty();
  }

  /** Values a prediction carries for this label: 1 for regression, one probability per class otherwise. */
  public int width() {
    return isClassification() ? classes.size() : 1;
  }

  public Label withWeight(double newWeight) {
    return new Label(name, classes, newWeight);
  }
}
