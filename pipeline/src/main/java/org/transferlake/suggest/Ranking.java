package org.transferlake.suggest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.transferlake.model.acquisition.Acquisition;
import org.transferlake.model.acquisition.AcquisitionFunction;
import org.transferlake.model.acquisition.Batch;
import org.transferlake.model.acquisition.Candidate;

/**
 * The driver's part of suggest, over predict's scored rows: exclusions, the acquisition value of each candidate,
 * the ranking and the batch, and the output rows in rank order.
 */
final class Ranking {
  private final SuggestRequest request;
  private final TargetValues measured;
  private final int key;
  private final int mean;
  private final int std;
  private final int row;

  /**
   * @param scored predict's schema, with the row number column {@code rowColumn}
   */
  Ranking(SuggestRequest request, TargetValues measured, StructType scored, String rowColumn) {
    this.request = request;
    this.measured = measured;
    this.key = scored.fieldIndex("composition_key");
    this.mean = scored.fieldIndex("mean");
    this.std = scored.fieldIndex("std");
    this.row = scored.fieldIndex(rowColumn);
  }

  /** The rows kept, ranked, and what was left out. */
  record Result(List<Row> rows, AcquisitionFunction function, String bestFrom, long excludedMeasured,
      long excludedElements, long unscored, int batchSize) {}

  Result rank(List<Row> scored) {
    List<Row> kept = new ArrayList<>();
    long excludedMeasured = 0;
    long excludedElements = 0;
    Set<String> banned = Set.copyOf(request.excludedElements());
    for (Row r : scored) {
      String k = r.getString(key);
      if (k != null && request.excludeMeasured() && measured.keys().contains(k)) {
        excludedMeasured++;
      } else if (k != null && !banned.isEmpty() && ChemicalSystem.elements(k).stream().anyMatch(banned::contains)) {
        excludedElements++;
      } else {
        kept.add(r);
      }
    }
    List<Double> means = new ArrayList<>();
    for (Row r : kept) {
      if (!r.isNullAt(mean)) {
        means.add(r.getDouble(mean));
      }
    }
    double[] predicted = means.stream().mapToDouble(Double::doubleValue).toArray();
    double best = request.goal().incumbent(measured.values(), predicted);
    boolean needsBest = request.acquisition() == Acquisition.EXPECTED_IMPROVEMENT
        || request.acquisition() == Acquisition.PROBABILITY_OF_IMPROVEMENT;
    String bestFrom = !needsBest || Double.isNaN(best) ? null
        : Double.isNaN(request.goal().best(measured.values())) ? "predicted" : "measured";
    AcquisitionFunction function = needsBest && Double.isNaN(best) ? null
        : AcquisitionFunction.of(request.acquisition(), request.goal(), needsBest ? best : Double.NaN,
            request.kappa());
    List<Candidate> candidates = new ArrayList<>(kept.size());
    long unscored = 0;
    for (Row r : kept) {
      boolean scoredRow = !r.isNullAt(mean);
      unscored += scoredRow ? 0 : 1;
      double value = scoredRow && function != null ? function.value(r.getDouble(mean), r.getDouble(std)) : Double.NaN;
      String k = r.getString(key);
      candidates.add(new Candidate(k, k == null ? null : ChemicalSystem.of(k), value));
    }
    Batch batch = Batch.select(candidates, request.batch(), request.perSystem());
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < kept.size(); i++) {
      order.add(i);
    }
    // rank 1 first; rows without a rank after, in the input's order
    order.sort(Comparator.<Integer>comparingInt(i -> batch.rank(i) == 0 ? Integer.MAX_VALUE : batch.rank(i))
        .thenComparingLong(i -> kept.get(i).getLong(row)));
    List<Row> out = new ArrayList<>(kept.size());
    long position = 0;
    for (int i : order) {
      Row r = kept.get(i);
      List<Object> values = new ArrayList<>(r.length() + 4);
      for (int c = 0; c < r.length(); c++) {
        if (c != row) {
          values.add(r.get(c));
        }
      }
      double value = candidates.get(i).value();
      values.add(Double.isNaN(value) ? null : value);
      values.add(batch.rank(i) == 0 ? null : batch.rank(i));
      values.add(batch.inBatch(i));
      values.add(candidates.get(i).group());
      values.add(position++);
      out.add(RowFactory.create(values.toArray()));
    }
    // the batch ranks 1 to its size: the first rows out
    return new Result(out, function, bestFrom, excludedMeasured, excludedElements, unscored, batch.chosen().size());
  }
}
