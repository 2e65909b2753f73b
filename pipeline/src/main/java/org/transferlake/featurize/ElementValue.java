package org.transferlake.featurize;

/**
 * One value of one elemental property, the long form in which {@code curated.element_properties}
 * holds its tables. A NaN value means the property is missing for that element, as an absent row does.
 */
record ElementValue(String element, String property, double value) {}
