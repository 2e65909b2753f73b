package org.transferlake.model.acquisition;

/**
 * A candidate to rank.
 *
 * @param key its composition key (canonical formula): breaks ties in value, and one key is measured only once
 * @param group what a diverse batch takes at most a few of (its chemical system: the set of its elements); null
 *     for the key itself
 * @param value its acquisition value, larger meaning measure first; NaN for a candidate that was not scored,
 *     which is not ranked
 */
public record Candidate(String key, String group, double value) {}
