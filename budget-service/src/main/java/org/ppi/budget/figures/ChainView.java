package org.ppi.budget.figures;

/** A value chain assigned to a program; a retired chain stays listed (flagged) but no longer brings its product. */
public record ChainView(String chainId, String name, String terminalProductId, boolean retired) {
}
