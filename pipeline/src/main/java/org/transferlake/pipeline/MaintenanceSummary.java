package org.transferlake.pipeline;

/**
 * The lake's maintenance, over every table.
 *
 * @param expiredDataFiles data files of expired snapshots deleted
 * @param rewrittenFiles files compacted
 * @param addedFiles the files they were compacted into
 */
public record MaintenanceSummary(int tables, long expiredDataFiles, long rewrittenFiles, long addedFiles) {}
