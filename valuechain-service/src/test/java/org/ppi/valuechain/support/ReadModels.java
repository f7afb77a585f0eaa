package org.ppi.valuechain.support;

import static org.ppi.valuechain.support.ReadModelDatabase.envelope;
import static org.ppi.valuechain.support.ReadModelDatabase.message;

import java.math.BigDecimal;

import org.ppi.contracts.PpiEvent;
import org.ppi.contracts.survey.CenterArea;
import org.ppi.contracts.survey.CenterRegistered;
import org.ppi.contracts.valuechain.ActivityDefined;
import org.ppi.contracts.valuechain.ActivityKind;
import org.ppi.contracts.valuechain.ChainAssignedToProgram;
import org.ppi.contracts.valuechain.ChainUnassignedFromProgram;
import org.ppi.contracts.valuechain.ImpactDefined;
import org.ppi.contracts.valuechain.IntermediateLinked;
import org.ppi.contracts.valuechain.IntermediateUnlinked;
import org.ppi.contracts.valuechain.PlannedVolumeSet;
import org.ppi.contracts.valuechain.ProgramDefined;
import org.ppi.contracts.valuechain.ProgramRevised;
import org.ppi.contracts.valuechain.ResultDefined;
import org.ppi.contracts.valuechain.ValueChainDefined;
import org.ppi.contracts.valuechain.ValueChainRetired;
import org.ppi.valuechain.center.SurveyReplica;
import org.ppi.valuechain.chain.ChainProjection;
import org.ppi.valuechain.plan.PlanProjection;
import org.ppi.valuechain.product.CatalogReplica;
import org.ppi.valuechain.program.ProgramProjection;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Read models on a fresh H2, fed event by event exactly as the processors and replicas would. */
public class ReadModels {
    public final JdbcClient jdbc = ReadModelDatabase.create();
    public final CatalogReplica catalog = new CatalogReplica(jdbc, new CatalogReplica.MergeGuard() {
        @Override
        public void lock(String institutionId) {
        }

        @Override
        public void repair(String institutionId) {
        }
    });
    public final SurveyReplica survey = new SurveyReplica(jdbc);
    public final PlanProjection plan = new PlanProjection(jdbc);
    public final ChainProjection chains = new ChainProjection(jdbc);
    public final ProgramProjection programs = new ProgramProjection(jdbc);

    /** Routes an event to the projection or replica that owns it. */
    public ReadModels feed(PpiEvent... events) {
        for (PpiEvent e : events) {
            if (e instanceof ImpactDefined i) {
                plan.on(i, message(i));
            } else if (e instanceof ResultDefined r) {
                plan.on(r, message(r));
            } else if (e instanceof ValueChainDefined c) {
                chains.on(c, message(c));
            } else if (e instanceof IntermediateLinked l) {
                chains.on(l, message(l));
            } else if (e instanceof IntermediateUnlinked u) {
                chains.on(u);
            } else if (e instanceof ValueChainRetired r) {
                chains.on(r, message(r));
            } else if (e instanceof ProgramDefined p) {
                programs.on(p, message(p));
            } else if (e instanceof ProgramRevised p) {
                programs.on(p, message(p));
            } else if (e instanceof ActivityDefined a) {
                programs.on(a, message(a));
            } else if (e instanceof ChainAssignedToProgram a) {
                programs.on(a, message(a));
            } else if (e instanceof ChainUnassignedFromProgram u) {
                programs.on(u);
            } else if (e instanceof PlannedVolumeSet v) {
                programs.on(v, message(v));
            } else if (e.getClass().getPackageName().endsWith(".survey")) {
                survey.apply(envelope(e));
            } else {
                catalog.apply(envelope(e));
            }
        }
        return this;
    }

    /**
     * DOMAIN.md's worked example: one impact and result, chains ch1 (P1) and ch2 (P2), links P3→P1 weight 3,
     * P3→P2 weight 1, P4→P1; programs PR1 = {ch1} with a planned volume of 1,500 for P1 in 2026, PR2 = {ch2};
     * P5 is linked to nothing (central actions).
     */
    public ReadModels workedExample(String inst) {
        WorkedExample.products(inst).forEach(this::feed);
        return feed(
                new CenterRegistered(inst, "u", "c1", WorkedExample.C1, null, CenterArea.SUBSTANTIVE, null, null, null, null),
                new CenterRegistered(inst, "u", "c2", WorkedExample.C2, null, CenterArea.SUPPORT, null, null, null, null),
                new ImpactDefined(inst, "ana", "im1", "Derechos protegidos", "Impacto del plan", "índice"),
                new ResultDefined(inst, "ana", "r1", "im1", "Quejas resueltas", null, "% resueltas"),
                new ValueChainDefined(inst, "ana", "ch1", "Cadena de quejas", "r1", "P1"),
                new ValueChainDefined(inst, "ana", "ch2", "Cadena del informe", "r1", "P2"),
                new IntermediateLinked(inst, "ana", "ch1", "P3", "P1", new BigDecimal("1")),
                new IntermediateLinked(inst, "ana", "ch1", "P3", "P1", new BigDecimal("3")),
                new IntermediateLinked(inst, "ana", "ch2", "P3", "P2", BigDecimal.ONE),
                new IntermediateLinked(inst, "ana", "ch1", "P4", "P1", BigDecimal.ONE),
                new ProgramDefined(inst, "ana", "pr1", "PR1", "Atención ciudadana", "Quejas resueltas a tiempo"),
                new ProgramDefined(inst, "ana", "pr2", "PR2", "Promoción de derechos", null),
                new ActivityDefined(inst, "ana", "pr1", "a1", "Atender quejas", ActivityKind.SPECIFIC, "P1"),
                new ChainAssignedToProgram(inst, "ana", "pr1", "ch1"),
                new ChainAssignedToProgram(inst, "ana", "pr2", "ch2"),
                new PlannedVolumeSet(inst, "ana", "pr1", "P1", 2026, new BigDecimal("1200")),
                new PlannedVolumeSet(inst, "ana", "pr1", "P1", 2026, new BigDecimal("1500")));
    }
}
