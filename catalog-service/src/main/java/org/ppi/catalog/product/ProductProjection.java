package org.ppi.catalog.product;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Set;
import java.util.stream.Collectors;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.ppi.catalog.directory.RowStamp;
import org.ppi.contracts.catalog.ProductFeatures;
import org.ppi.contracts.catalog.ProductFeaturesRevised;
import org.ppi.contracts.catalog.ProductMergedInto;
import org.ppi.contracts.catalog.ProductRegistered;
import org.ppi.contracts.catalog.ProductRenamed;
import org.ppi.contracts.catalog.ProductRetired;
import org.ppi.contracts.catalog.ProductRetyped;
import org.ppi.contracts.catalog.ProductVolumeChanged;
import org.ppi.contracts.catalog.UserGroup;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Keeps product_view in the command's transaction (processing group "directory" is subscribing). */
@Component
@ProcessingGroup("directory")
public class ProductProjection {
    /** The column's scale: a finer volume would be rounded by PostgreSQL and refused by H2, so round once here. */
    private static final int VOLUME_SCALE = 6;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public ProductProjection(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    public void on(ProductRegistered e, EventMessage<?> m) {
        RowStamp s = RowStamp.of(e, m);
        ProductFeatures f = Features.normalized(e.features());
        jdbc.sql("insert into product_view (product_id, institution_id, center_id, name, description, product_type, core, "
                        + "volume, volume_unit, users, frequency, elaboration_time, process_steps, problems, synergies, "
                        + "status, merged_into, last_event_id, updated_by, updated_at) "
                        + "values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,null,?,?,?)")
                .params(e.productId(), e.institutionId(), e.centerId(), e.name(), f.description(), e.type().name(),
                        e.core(), volume(e.volume()), e.volumeUnit(), users(f.users()), name(f.frequency()),
                        f.elaborationTime(), json.writeValueAsString(f.processSteps()), f.problems(), f.synergies(),
                        ProductStatus.ACTIVE.name(), s.eventId(), s.user(), s.at())
                .update();
    }

    @EventHandler
    public void on(ProductRenamed e, EventMessage<?> m) {
        update(e.institutionId(), e.productId(), RowStamp.of(e, m), "name = ?", e.name());
    }

    @EventHandler
    public void on(ProductFeaturesRevised e, EventMessage<?> m) {
        ProductFeatures f = Features.normalized(e.features());
        update(e.institutionId(), e.productId(), RowStamp.of(e, m),
                "description = ?, users = ?, frequency = ?, elaboration_time = ?, process_steps = ?, problems = ?, synergies = ?",
                f.description(), users(f.users()), name(f.frequency()), f.elaborationTime(),
                json.writeValueAsString(f.processSteps()), f.problems(), f.synergies());
    }

    @EventHandler
    public void on(ProductRetyped e, EventMessage<?> m) {
        update(e.institutionId(), e.productId(), RowStamp.of(e, m), "product_type = ?, core = ?", e.type().name(), e.core());
    }

    @EventHandler
    public void on(ProductVolumeChanged e, EventMessage<?> m) {
        update(e.institutionId(), e.productId(), RowStamp.of(e, m), "volume = ?, volume_unit = ?", volume(e.volume()), e.volumeUnit());
    }

    @EventHandler
    public void on(ProductMergedInto e, EventMessage<?> m) {
        update(e.institutionId(), e.productId(), RowStamp.of(e, m), "status = ?, merged_into = ?", ProductStatus.MERGED.name(),
                e.targetProductId());
    }

    @EventHandler
    public void on(ProductRetired e, EventMessage<?> m) {
        update(e.institutionId(), e.productId(), RowStamp.of(e, m), "status = ?", ProductStatus.RETIRED.name());
    }

    private void update(String institutionId, String productId, RowStamp s, String assignments, Object... values) {
        Object[] params = new Object[values.length + 5];
        System.arraycopy(values, 0, params, 0, values.length);
        params[values.length] = s.eventId();
        params[values.length + 1] = s.user();
        params[values.length + 2] = s.at();
        params[values.length + 3] = institutionId;
        params[values.length + 4] = productId;
        jdbc.sql("update product_view set " + assignments + ", last_event_id = ?, updated_by = ?, updated_at = ? "
                + "where institution_id = ? and product_id = ?").params(params).update();
    }

    /** ",CITIZENS,COMPANIES,": delimited on both sides so that one LIKE finds a group without partial matches. */
    static String users(Set<UserGroup> users) {
        return users.stream().sorted().map(Enum::name).collect(Collectors.joining(",", ",", ","));
    }

    private static BigDecimal volume(BigDecimal volume) {
        return volume == null ? null : volume.setScale(VOLUME_SCALE, RoundingMode.HALF_UP);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
