package org.ppi.catalog.product;

import java.util.List;

import org.ppi.contracts.catalog.UserGroup;
import org.ppi.platform.web.ExportTable;
import org.ppi.platform.web.ExportTable.Column;

/** The product list with its productive features, as a table for a download: one row per product. */
final class ProductExport {
    private ProductExport() {
    }

    static ExportTable of(List<ProductRow> products) {
        ExportTable table = ExportTable.of("Productos", "Products",
                Column.text("productId", "Id producto", "Product id"),
                Column.text("product", "Producto", "Product"),
                Column.text("centerId", "Id centro", "Center id"),
                Column.text("center", "Centro", "Center"),
                Column.text("area", "Área", "Area"),
                Column.text("type", "Tipo", "Type"),
                Column.text("core", "CORE", "CORE"),
                Column.text("description", "Descripción", "Description"),
                Column.text("users", "Usuarios", "Users"),
                Column.text("frequency", "Frecuencia", "Frequency"),
                Column.text("elaborationTime", "Tiempo de elaboración", "Elaboration time"),
                Column.text("processSteps", "Proceso", "Process"),
                Column.text("problems", "Problemas", "Problems"),
                Column.text("synergies", "Sinergias", "Synergies"),
                Column.number("volume", "Volumen anual", "Yearly volume"),
                Column.text("volumeUnit", "Unidad", "Unit"),
                Column.text("volumeGap", "Sin volumen", "No volume"),
                Column.text("status", "Estado", "Status"),
                Column.text("mergedInto", "Fusionado en", "Merged into"),
                Column.text("updatedBy", "Modificado por", "Updated by"),
                Column.date("updatedAt", "Modificado el", "Updated at"));
        for (ProductRow p : products) {
            table.row(p.id(), p.name(), p.centerId(), p.centerName(), p.area(), p.type(), p.core(), p.description(),
                    p.users().isEmpty() ? null : String.join(", ", p.users().stream().map(UserGroup::name).toList()),
                    p.frequency(), p.elaborationTime(), p.processSteps().isEmpty() ? null : String.join(" → ", p.processSteps()),
                    p.problems(), p.synergies(), p.volume(), p.volumeUnit(), p.volumeGap(), p.status(), p.mergedInto(),
                    p.updatedBy(), p.updatedAt());
        }
        return table;
    }
}
