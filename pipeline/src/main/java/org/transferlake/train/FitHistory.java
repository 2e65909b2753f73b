package org.transferlake.train;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.transferlake.lake.Lake;
import org.transferlake.lake.LakeTable;
import org.transferlake.train.units.MeasuredCosts;

/**
 * The fits of this lake's recent runs ({@code fit_seconds} in results.metrics, published train runs only), which
 * correct the learners' declared costs. "Recent" counts back from the lake's latest run, not from today, so the same
 * lake always gives the same estimate.
 */
public final class FitHistory {
  /** Runs started up to this many days before the lake's latest count. */
  public static final int DAYS = 30;

  private FitHistory() {}

  public static MeasuredCosts costs(Lake lake) {
    if (!lake.spark().catalog().tableExists(lake.name(LakeTable.METRICS))
        || !lake.spark().catalog().tableExists(lake.name(LakeTable.RUNS))) {
      return MeasuredCosts.declared();
    }
    String runs = lake.name(LakeTable.RUNS);
    List<Row> rows = lake.spark().sql("SELECT m.run_id, m.unit_id, unix_timestamp(r.started_at), m.architecture,"
        + " m.learner, m.params, m.n_train, m.fit_seconds FROM " + lake.name(LakeTable.METRICS) + " m JOIN " + runs
        + " r ON m.run_id = r.run_id WHERE r.status = 'published' AND r.kind = 'train' AND m.fit_seconds > 0"
        + " AND m.n_train > 0 AND r.started_at >= (SELECT max(started_at) FROM " + runs
        + " WHERE status = 'published') - INTERVAL " + DAYS + " DAYS").collectAsList();
    List<MeasuredCosts.Fit> fits = new ArrayList<>(rows.size());
    for (Row r : rows) {
      fits.add(new MeasuredCosts.Fit(r.getString(0), r.getString(1), r.getLong(2), r.getString(3), r.getString(4),
          r.isNullAt(5) ? "" : r.getString(5), r.getInt(6), r.getDouble(7)));
    }
    return MeasuredCosts.of(fits, DAYS);
  }
}
