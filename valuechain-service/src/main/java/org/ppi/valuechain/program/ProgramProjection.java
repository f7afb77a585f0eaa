package org.ppi.valuechain.program;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.ppi.contracts.valuechain.ActivityDefined;
import org.ppi.contracts.valuechain.ChainAssignedToProgram;
import org.ppi.contracts.valuechain.ChainUnassignedFromProgram;
import org.ppi.contracts.valuechain.PlannedVolumeSet;
import org.ppi.contracts.valuechain.ProgramDefined;
import org.ppi.contracts.valuechain.ProgramRevised;
import org.ppi.valuechain.directory.RowStamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps program_view, activity_view, program_chain and planned_volume in the command's transaction. The
 * unique keys on program code and on program_chain.chain_id back the aggregate's checks against races.
 */
@Component
@ProcessingGroup("directory")
public class ProgramProjection {
    private final JdbcClient jdbc;

    public ProgramProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    public void on(ProgramDefined e, EventMessage<?> m) {
        RowStamp s = RowStamp.of(e, m);
        jdbc.sql("insert into program_view (program_id, institution_id, code, name, expected_result, last_event_id, "
                        + "updated_by, updated_at) values (?,?,?,?,?,?,?,?)")
                .params(e.programId(), e.institutionId(), e.code(), e.name(), e.expectedResult(), s.eventId(), s.user(),
                        s.at())
                .update();
    }

    @EventHandler
    public void on(ProgramRevised e, EventMessage<?> m) {
        RowStamp s = RowStamp.of(e, m);
        jdbc.sql("update program_view set code = ?, name = ?, expected_result = ?, last_event_id = ?, updated_by = ?, "
                        + "updated_at = ? where institution_id = ? and program_id = ?")
                .params(e.code(), e.name(), e.expectedResult(), s.eventId(), s.user(), s.at(), e.institutionId(),
                        e.programId()).update();
    }

    @EventHandler
    public void on(ActivityDefined e, EventMessage<?> m) {
        RowStamp s = RowStamp.of(e, m);
        jdbc.sql("insert into activity_view (program_id, activity_id, institution_id, name, kind, product_id, "
                        + "last_event_id, updated_by, updated_at) values (?,?,?,?,?,?,?,?,?)")
                .params(e.programId(), e.activityId(), e.institutionId(), e.name(), e.kind().name(), e.productId(),
                        s.eventId(), s.user(), s.at())
                .update();
    }

    @EventHandler
    public void on(ChainAssignedToProgram e, EventMessage<?> m) {
        RowStamp s = RowStamp.of(e, m);
        jdbc.sql("insert into program_chain (chain_id, program_id, institution_id, last_event_id, updated_by, updated_at) "
                        + "values (?,?,?,?,?,?)")
                .params(e.chainId(), e.programId(), e.institutionId(), s.eventId(), s.user(), s.at()).update();
    }

    @EventHandler
    public void on(ChainUnassignedFromProgram e) {
        jdbc.sql("delete from program_chain where institution_id = ? and chain_id = ? and program_id = ?")
                .params(e.institutionId(), e.chainId(), e.programId()).update();
    }

    @EventHandler
    public void on(PlannedVolumeSet e, EventMessage<?> m) {
        RowStamp s = RowStamp.of(e, m);
        int updated = jdbc.sql("update planned_volume set planned_volume = ?, last_event_id = ?, updated_by = ?, "
                        + "updated_at = ? where institution_id = ? and program_id = ? and product_id = ? "
                        + "and fiscal_year = ?")
                .params(e.plannedVolume(), s.eventId(), s.user(), s.at(), e.institutionId(), e.programId(),
                        e.productId(), e.fiscalYear())
                .update();
        if (updated == 0) {
            jdbc.sql("insert into planned_volume (program_id, product_id, fiscal_year, institution_id, planned_volume, "
                            + "last_event_id, updated_by, updated_at) values (?,?,?,?,?,?,?,?)")
                    .params(e.programId(), e.productId(), e.fiscalYear(), e.institutionId(), e.plannedVolume(),
                            s.eventId(), s.user(), s.at())
                    .update();
        }
    }
}
