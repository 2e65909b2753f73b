package org.transferlake.train.units;

import java.util.Map;

/** A finished unit's scores, as its {@code results.metrics} row holds them: what model selection reads. */
public record UnitScore(WorkUnit unit, Map<String, Double> metrics, Double innerScore) {}
