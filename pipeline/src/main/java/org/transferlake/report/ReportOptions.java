package org.transferlake.report;

import java.io.File;
import java.util.List;
import org.transferlake.config.PropertyCatalog;
import org.transferlake.config.Settings;

/**
 * What a report needs besides the lake.
 *
 * @param elementSource the element table cited for Magpie features when a run's own settings do not say
 */
public record ReportOptions(PublishedFigures published, int parityPoints, long seed, int minTestRows,
    String elementSource, PropertyCatalog properties, List<DerivedQuantities.Spec> derived) {

  public static ReportOptions from(Settings settings) {
    String file = settings.reportPublished();
    return new ReportOptions(file.isBlank() ? PublishedFigures.none() : PublishedFigures.load(new File(file)),
        settings.reportParityPoints(), settings.reportSeed(), settings.reportMinTestRows(),
        settings.featurizeElementSource(), settings.properties(), DerivedQuantities.load(settings.reportDerived()));
  }
}
