package org.ppi.survey.directory;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * What a command handler may look up outside its own aggregate: the service's own read models (updated in
 * the command's transaction) and the replica of the catalog topic. Everything is scoped by institution, so
 * another tenant's records are simply not found.
 */
public interface SurveyDirectory {

    Optional<InstitutionFacts> institution(String institutionId);

    default boolean institutionExists(String institutionId) {
        return institution(institutionId).isPresent();
    }

    boolean scopeExists(String institutionId, String scopeId);

    Optional<CenterFacts> center(String institutionId, String centerId);

    Optional<EmployeeFacts> employee(String institutionId, String employeeId);

    Optional<ProductFacts> product(String institutionId, String productId);

    /** Employees still on a center's payroll (not departed): a center cannot close while it has any. */
    java.util.List<String> activeEmployeesOf(String institutionId, String centerId);

    /** Products of a center that are neither retired nor merged (from the catalog replica). */
    java.util.List<String> activeProductsOf(String institutionId, String centerId);

    record InstitutionFacts(String institutionId, BigDecimal weeklyHours) {
    }

    record CenterFacts(String centerId, boolean closed, String parentCenterId) {
    }

    record EmployeeFacts(String employeeId, String centerId, BigDecimal contractedHours, boolean active) {
    }

    record ProductFacts(String productId, String centerId, boolean active) {
    }
}
