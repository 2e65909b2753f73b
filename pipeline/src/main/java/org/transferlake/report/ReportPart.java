package org.transferlake.report;

import java.util.List;
import org.transferlake.report.ReportDocument.Section;

/** A part of the report: its sections and the figures they show. */
record ReportPart(List<Section> sections, List<Figure> figures) {}
