package org.ppi.catalog.summary;

import java.util.List;

import org.ppi.contracts.survey.CenterArea;

/** Counts of the institution's active products: overall, by area (substantive/support) and by center. */
public record ProductSummary(Counts total, List<AreaCounts> byArea, List<CenterCounts> byCenter) {

    public record Counts(long products, long terminal, long intermediate, long core, long volumeGaps) {
    }

    public record AreaCounts(CenterArea area, Counts counts) {
    }

    public record CenterCounts(String centerId, String centerName, CenterArea area, Counts counts) {
    }
}
