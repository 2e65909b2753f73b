package org.transferlake.model.registry;

import org.transferlake.model.learn.Provenance;

/**
 * A final model refit on every target row: the choice it came from, its saved artifact, how long the fit took,
 * the provenance of the model its predictions come from (its stage-two model, or source_only's source model), and
 * the elements of the compositions it trained on.
 */
public record FinalFit(FinalChoice choice, byte[] artifact, double fitSeconds, long seed, int nTrain,
    Provenance provenance, java.util.List<String> seenElements) implements java.io.Serializable {}
