package org.ppi.catalog.center;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ppi.catalog.directory.CatalogDirectory;
import org.ppi.catalog.support.Events;
import org.ppi.catalog.support.ReadModelDatabases;
import org.ppi.contracts.survey.CenterArea;
import org.ppi.contracts.survey.CenterClosed;
import org.ppi.contracts.survey.CenterMoved;
import org.ppi.contracts.survey.CenterProfileRevised;
import org.ppi.contracts.survey.CenterRenamed;
import org.ppi.contracts.survey.ScopeDefined;
import org.ppi.platform.inbox.EventEnvelope;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The survey replica fed with survey events, on H2 and PostgreSQL. */
class SurveyReplicaTest {
    private static final String T = "inst-a";

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ppi.catalog.support.ReadModelDatabases#both")
    void keepsCentersFromTheSurveyTopic(String engine, ReadModelDatabases.Engine database) {
        DataSource ds = database.create();
        JdbcClient jdbc = JdbcClient.create(ds);
        SurveyReplica replica = new SurveyReplica(jdbc);

        replica.apply(Events.fromSurvey(Events.center(T, "c1", "Dirección de Atención", CenterArea.SUBSTANTIVE)));
        replica.apply(Events.fromSurvey(new CenterRenamed(T, "u", "c1", "Dirección de Atención al Ciudadano")));
        replica.apply(Events.fromSurvey(new CenterProfileRevised(T, "u", "c1", CenterArea.SUPPORT, "f", "o", "m")));
        replica.apply(Events.fromSurvey(new CenterMoved(T, "u", "c1", "scope-2", null)));
        EventEnvelope last = Events.fromSurvey(new CenterClosed(T, "u", "c1", LocalDate.of(2026, 7, 1), "fusión"));
        replica.apply(last);

        Map<String, Object> row = jdbc.sql("select * from center_replica where center_id = 'c1'").query().singleRow();
        assertThat(row).containsEntry("institution_id", T).containsEntry("name", "Dirección de Atención al Ciudadano")
                .containsEntry("area", "SUPPORT").containsEntry("scope_id", "scope-2").containsEntry("closed", true)
                .containsEntry("last_event_id", last.id());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ppi.catalog.support.ReadModelDatabases#both")
    void anotherInstitutionsEventNeverTouchesTheCenterAndUnrelatedEventsAreIgnored(String engine,
                                                                                  ReadModelDatabases.Engine database) {
        JdbcClient jdbc = JdbcClient.create(database.create());
        SurveyReplica replica = new SurveyReplica(jdbc);
        replica.apply(Events.fromSurvey(Events.center(T, "c1", "Dirección Administrativa", CenterArea.SUPPORT)));

        replica.apply(Events.fromSurvey(new CenterClosed("inst-b", "intruder", "c1", null, null)));
        replica.apply(Events.fromSurvey(new ScopeDefined(T, "u", "scope-9", "Ámbito")));

        assertThat(jdbc.sql("select closed from center_replica where center_id = 'c1'").query(Boolean.class).single())
                .isFalse();
        assertThat(jdbc.sql("select count(*) from center_replica").query(Long.class).single()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ppi.catalog.support.ReadModelDatabases#both")
    void aReplayedRegistrationConvergesToOneRow(String engine, ReadModelDatabases.Engine database) {
        JdbcClient jdbc = JdbcClient.create(database.create());
        SurveyReplica replica = new SurveyReplica(jdbc);
        replica.apply(Events.fromSurvey(Events.center(T, "c1", "Dirección", CenterArea.SUPPORT)));
        replica.apply(Events.fromSurvey(Events.center(T, "c1", "Dirección", CenterArea.SUPPORT)));

        assertThat(jdbc.sql("select count(*) from center_replica").query(Long.class).single()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ppi.catalog.support.ReadModelDatabases#both")
    void theDirectoryFindsCentersOnlyInTheirInstitution(String engine, ReadModelDatabases.Engine database) {
        JdbcClient jdbc = JdbcClient.create(database.create());
        new SurveyReplica(jdbc).apply(Events.fromSurvey(Events.center(T, "c1", "Dirección", CenterArea.SUPPORT)));
        CatalogDirectory directory = org.ppi.catalog.directory.DirectoryAccess.jdbc(jdbc);

        assertThat(directory.center(T, "c1")).contains(new CatalogDirectory.CenterFacts("c1", false));
        assertThat(directory.center("inst-b", "c1")).isEmpty();
    }
}
