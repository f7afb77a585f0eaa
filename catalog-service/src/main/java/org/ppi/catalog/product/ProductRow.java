package org.ppi.catalog.product;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.ppi.contracts.catalog.Frequency;
import org.ppi.contracts.catalog.ProductType;
import org.ppi.contracts.catalog.UserGroup;
import org.ppi.contracts.survey.CenterArea;

/** A product as lists show it: its features, its center (from the survey replica) and who changed it last. */
public record ProductRow(String id, String centerId, String centerName, CenterArea area, String name,
                         String description, ProductType type, boolean core, BigDecimal volume, String volumeUnit,
                         boolean volumeGap, List<UserGroup> users, Frequency frequency, String elaborationTime,
                         List<String> processSteps, String problems, String synergies, ProductStatus status,
                         String mergedInto, String lastEventId, String updatedBy, Instant updatedAt) {
}
