package org.transferlake.featurize;

import java.util.ArrayList;
import java.util.List;
import org.transferlake.testing.SharedCsv;

/** matminer's Magpie features for the shared reference compositions, and how to compare with them. */
final class MatminerReference {
  /** matminer's default {@code impute_nan=True}, 153 compositions. */
  static final String IMPUTED = "reference/magpie_features_sample.csv";
  /** {@code impute_nan=False} for the edge cases: an empty cell is NaN. */
  static final String NOT_IMPUTED = "reference/magpie_features_no_imputation.csv";
  /** Columns before the features: group, formula, reduced_formula. */
  static final int FIRST_FEATURE = 3;

  private MatminerReference() {}

  static SharedCsv read(String file) {
    return SharedCsv.read(file);
  }

  /** One line per feature of {@code row} that {@code actual} misses; empty when all match. */
  static List<String> mismatches(SharedCsv reference, String[] row, double[] actual) {
    List<String> wrong = new ArrayList<>();
    for (int i = 0; i < actual.length; i++) {
      String cell = row[FIRST_FEATURE + i];
      double expected = cell.isEmpty() ? Double.NaN : Double.parseDouble(cell);
      if (!close(expected, actual[i])) {
        wrong.add(reference.header().get(FIRST_FEATURE + i) + ": expected " + cell + ", got " + actual[i]);
      }
    }
    if (row.length - FIRST_FEATURE != actual.length) {
      wrong.add("expected " + (row.length - FIRST_FEATURE) + " features, got " + actual.length);
    }
    return wrong;
  }

  /** The tolerance the reference files are published with; NaN only matches NaN. */
  static boolean close(double expected, double actual) {
    if (Double.isNaN(expected) || Double.isNaN(actual)) {
      return Double.isNaN(expected) && Double.isNaN(actual);
    }
    return Math.abs(expected - actual) <= 1e-6 * Math.max(Math.abs(expected), Math.abs(actual)) + 1e-9;
  }
}
