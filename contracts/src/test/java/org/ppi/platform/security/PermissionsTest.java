package org.ppi.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The roles matrix of the README, line by line. */
class PermissionsTest {
    private static final List<String> INSTITUTION_READERS = List.of(Roles.INSTITUTION_ADMIN, Roles.SURVEYOR,
            Roles.CENTER_MANAGER, Roles.AUTHORITY, Roles.AUDITOR, Roles.ANALYST);

    @Test
    void onlyThePlatformAdminRegistersInstitutionsAndReplays() {
        for (String role : Roles.ALL) {
            boolean admin = role.equals(Roles.PLATFORM_ADMIN);
            assertThat(Permissions.allows("POST", "/api/survey/institutions", List.of(role))).as(role).isEqualTo(admin);
            assertThat(Permissions.allows("POST", "/api/costing/admin/replay", List.of(role))).as(role).isEqualTo(admin);
            assertThat(Permissions.allows("POST", "/api/budget/admin/replay", List.of(role))).as(role).isEqualTo(admin);
        }
        assertThat(Permissions.platformLevel("POST", "/api/survey/institutions")).isTrue();
        assertThat(Permissions.platformLevel("POST", "/api/costing/admin/replay")).isTrue();
        assertThat(Permissions.platformLevel("GET", "/api/costing/admin/lag")).isTrue();
        assertThat(Permissions.platformLevel("GET", "/api/costing/products")).isFalse();
        assertThat(Permissions.platformLevel("PUT", "/api/survey/institution")).isFalse();
    }

    @Test
    void replayProgressAndLagAreForThePlatformAdminAndTheAuditor() {
        for (String path : List.of("/api/costing/admin/lag", "/api/budget/admin/replay")) {
            assertThat(Permissions.allows("GET", path, List.of(Roles.PLATFORM_ADMIN))).isTrue();
            assertThat(Permissions.allows("GET", path, List.of(Roles.AUDITOR))).isTrue();
            for (String role : List.of(Roles.INSTITUTION_ADMIN, Roles.ANALYST, Roles.AUTHORITY, Roles.SURVEYOR)) {
                assertThat(Permissions.allows("GET", path, List.of(role))).as(role + " " + path).isFalse();
            }
        }
    }

    @Test
    void anInstitutionsAuditorAndAdministratorReplayItsReadModelsNotThePlatformAdmin() {
        for (String path : List.of("/api/costing/institution/replay", "/api/budget/institution/replay")) {
            for (String method : List.of("POST", "GET")) {
                for (String role : Roles.ALL) {
                    boolean allowed = role.equals(Roles.AUDITOR) || role.equals(Roles.INSTITUTION_ADMIN);
                    assertThat(Permissions.allows(method, path, List.of(role))).as(role + " " + method + " " + path)
                            .isEqualTo(allowed);
                }
                assertThat(Permissions.platformLevel(method, path)).as("needs the token's institution").isFalse();
            }
        }
        assertThat(Permissions.find("POST", "/api/survey/institution/replay")).as("no such endpoint").isEmpty();
    }

    @Test
    void everyInstitutionRoleReadsEverythingOfItsInstitutionButThePlatformAdminDoesNot() {
        for (String path : List.of("/api/costing/products/p1/lineage", "/api/costing/products", "/api/costing/events",
                "/api/costing/recalculations", "/api/budget/structure", "/api/survey/interviews/i1",
                "/api/catalog/products", "/api/valuechain/programs/p1", "/api/survey/institution")) {
            for (String role : INSTITUTION_READERS) {
                assertThat(Permissions.allows("GET", path, List.of(role))).as(role + " " + path).isTrue();
            }
            assertThat(Permissions.allows("GET", path, List.of(Roles.PLATFORM_ADMIN))).as(path).isFalse();
            assertThat(Permissions.allows("GET", path, List.of())).as(path).isFalse();
        }
    }

    @Test
    void settingsBelongToTheInstitutionAdmin() {
        for (String[] call : new String[][]{{"PUT", "/api/survey/institution"},
                {"PUT", "/api/survey/institution/costing-method"}, {"POST", "/api/survey/scopes"},
                {"PUT", "/api/survey/scopes/s1"}, {"POST", "/api/survey/centers"}, {"PUT", "/api/survey/centers/c1/name"},
                {"POST", "/api/survey/centers/c1/closure"}, {"PUT", "/api/survey/centers/c1/non-labour-cost"},
                {"POST", "/api/survey/employees"}, {"POST", "/api/survey/employees/e1/salary"},
                {"POST", "/api/valuechain/impacts"}, {"POST", "/api/valuechain/chains"},
                {"DELETE", "/api/valuechain/chains/v1/links"}, {"PUT", "/api/valuechain/programs/p1/planned-volumes"},
                {"DELETE", "/api/valuechain/programs/p1/chains/v1"}, {"PUT", "/api/valuechain/programs/p1/shares"},
                {"DELETE", "/api/valuechain/programs/p1/shares/t1"}, {"POST", "/api/valuechain/apnop"},
                {"PUT", "/api/valuechain/apnop/l1"}, {"DELETE", "/api/valuechain/apnop/l1"}}) {
            assertThat(Permissions.allows(call[0], call[1], List.of(Roles.INSTITUTION_ADMIN))).as(call[1]).isTrue();
            for (String role : List.of(Roles.PLATFORM_ADMIN, Roles.SURVEYOR, Roles.CENTER_MANAGER, Roles.AUTHORITY,
                    Roles.AUDITOR, Roles.ANALYST)) {
                assertThat(Permissions.allows(call[0], call[1], List.of(role))).as(role + " " + call[1]).isFalse();
            }
        }
    }

    @Test
    void surveyorsInterviewAndRecordProductsCenterManagersValidate() {
        for (String[] call : new String[][]{{"POST", "/api/survey/interviews"},
                {"PUT", "/api/survey/interviews/i1/allocations"}, {"POST", "/api/survey/interviews/i1/corrections"},
                {"PUT", "/api/survey/interviews/i1/sheet"}, {"POST", "/api/survey/interviews/i1/workbook"},
                {"POST", "/api/catalog/products"}, {"PUT", "/api/catalog/products/p1/volume"},
                {"POST", "/api/catalog/products/p1/merge"}}) {
            assertThat(Permissions.allows(call[0], call[1], List.of(Roles.SURVEYOR))).as(call[1]).isTrue();
            assertThat(Permissions.allows(call[0], call[1], List.of(Roles.INSTITUTION_ADMIN))).as(call[1]).isTrue();
            assertThat(Permissions.allows(call[0], call[1], List.of(Roles.CENTER_MANAGER))).as(call[1]).isFalse();
            assertThat(Permissions.allows(call[0], call[1], List.of(Roles.ANALYST))).as(call[1]).isFalse();
        }
        // the workbook's template is a read, for every reader of the institution
        assertThat(Permissions.allows("GET", "/api/survey/interviews/i1/workbook", List.of(Roles.ANALYST))).isTrue();
        assertThat(Permissions.allows("PUT", "/api/survey/interviews/i1/workbook", List.of(Roles.SURVEYOR))).isFalse();
        String validation = "/api/survey/interviews/i1/validation";
        assertThat(Permissions.allows("POST", validation, List.of(Roles.CENTER_MANAGER))).isTrue();
        assertThat(Permissions.allows("POST", validation, List.of(Roles.INSTITUTION_ADMIN))).isTrue();
        assertThat(Permissions.allows("POST", validation, List.of(Roles.SURVEYOR))).isFalse();
        assertThat(Permissions.allows("POST", validation, List.of(Roles.AUDITOR))).isFalse();
    }

    @Test
    void whatNoRuleNamesIsRefused() {
        assertThat(Permissions.find("POST", "/api/survey/institution")).isEmpty();
        assertThat(Permissions.find("PATCH", "/api/survey/nothing")).isEmpty();
        assertThat(Permissions.find("POST", "/api/costing/products")).isEmpty();
        assertThat(Permissions.find("GET", "/actuator/env")).isEmpty();
        assertThat(Permissions.allows("POST", "/api/costing/products", Roles.ALL)).isFalse();
    }
}
