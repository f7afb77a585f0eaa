package org.ppi.contracts.catalog;

import java.util.List;
import java.util.Set;

/** Rasgos productivos: who uses the product, how often, how it is made and what gets in the way. */
public record ProductFeatures(String description, Set<UserGroup> users, Frequency frequency, String elaborationTime,
                              List<String> processSteps, String problems, String synergies) {
}
