package org.ppi.valuechain.support;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import org.ppi.contracts.catalog.ProductFeatures;
import org.ppi.contracts.catalog.ProductRegistered;
import org.ppi.contracts.catalog.ProductType;

/** The products of DOMAIN.md's worked example: P1, P2 terminal in C1; P3, P4, P5 intermediate in C2. */
public final class WorkedExample {
    public static final String C1 = "Dirección de Atención al Ciudadano";
    public static final String C2 = "Dirección Administrativa";

    private WorkedExample() {
    }

    public static List<ProductRegistered> products(String institutionId) {
        return List.of(
                product(institutionId, "P1", "c1", "Atención de quejas ciudadanas", ProductType.TERMINAL, true, "1200"),
                product(institutionId, "P2", "c1", "Informe anual de derechos humanos", ProductType.TERMINAL, false, "1"),
                product(institutionId, "P3", "c2", "Gestión de nómina", ProductType.INTERMEDIATE, false, "12"),
                product(institutionId, "P4", "c2", "Compras y suministros", ProductType.INTERMEDIATE, false, "40"),
                product(institutionId, "P5", "c2", "Archivo institucional", ProductType.INTERMEDIATE, false, "0"));
    }

    public static ProductRegistered product(String institutionId, String id, String centerId, String name, ProductType type,
                                            boolean core, String volume) {
        return new ProductRegistered(institutionId, "catalog.user", id, centerId, name, type, core, new BigDecimal(volume),
                "unidades", new ProductFeatures("Descripción de " + name, Set.of(), null, null, List.of(), null, null));
    }
}
