package org.transferlake.ingest.catalog;

import java.util.List;

/**
 * How a data file's columns map to one source's observations, each choice with where it came from (an option of
 * {@code source add}, a column's name).
 *
 * @param idColumn the record id column, or null when the file has none
 * @param unit the value's unit, or null for a label property
 * @param classes a label property's classes the file's raw values must be mapped to; empty when none
 * @param unmapped the columns left out, in file order
 */
public record ColumnMapping(String formulaColumn, String formulaFrom, String idColumn, String valueColumn,
    String valueFrom, String unit, String unitFrom, List<String> classes, List<String> unmapped) {}
