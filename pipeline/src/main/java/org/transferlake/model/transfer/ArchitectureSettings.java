package org.transferlake.model.transfer;

/**
 * What an experiment's {@code options} tell the architectures that use source models.
 *
 * @param useMeasured a composition's measured source value stands in for the predicted one
 * @param addSourceVariance a prediction's variance adds the predicted sources' variances
 */
public record ArchitectureSettings(boolean useMeasured, boolean addSourceVariance) {}
