package org.transferlake.train;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.transferlake.model.learn.ParamsText;
import org.transferlake.model.learn.Versions;
import org.transferlake.train.campaign.CampaignResult;
import org.transferlake.train.campaign.CampaignUnit;
import org.transferlake.train.campaign.Round;
import org.transferlake.train.experiment.CampaignSpec;
import org.transferlake.train.experiment.ExperimentDefinition;

/** A campaign unit's rounds as rows of {@code results.campaign_rounds} (column order as {@code LakeTable} declares). */
final class CampaignRows {
  private CampaignRows() {}

  static List<Row> rows(String runId, ExperimentDefinition e, String targetContext, CampaignResult result) {
    CampaignUnit u = result.unit();
    CampaignSpec spec = e.campaign();
    List<Row> out = new ArrayList<>();
    for (Round r : result.rounds()) {
      out.add(RowFactory.create(runId, e.name(), targetContext, u.id(), u.arm().name(), u.arm().strategy(),
          u.arm().architecture(), u.arm().learner(), ParamsText.of(u.arm().params()), u.repeat(), u.seed(),
          spec.goal().toString(), spec.initialRows(), spec.batch(), spec.budget(), r.round(), r.measured(), r.hits(),
          Double.isNaN(r.best()) ? null : r.best(), r.maeUnmeasured(),
          scala.jdk.javaapi.CollectionConverters.asScala(r.revealed()).toSeq(),
          scala.jdk.javaapi.CollectionConverters.asScala(new ArrayList<Object>(r.values())).toSeq(),
          r.fitSeconds(), Versions.TRANSFERLAKE, e.definitionSha256(), result.executorId()));
    }
    return out;
  }
}
