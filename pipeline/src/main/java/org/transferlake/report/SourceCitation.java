package org.transferlake.report;

import java.util.List;

/** How a source is cited: its {@code curated.sources} row's title, citation, licence and origin. */
record SourceCitation(String sourceId, String title, String citation, String licence, String originUrl,
    String originRepository, String originCommit, List<String> flags) {}
