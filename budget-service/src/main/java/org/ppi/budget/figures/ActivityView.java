package org.ppi.budget.figures;

import org.ppi.contracts.valuechain.ActivityKind;

/** A sub-program or activity of a program and the product it produces. */
public record ActivityView(String activityId, String name, ActivityKind kind, String productId) {
}
