package org.ppi.survey.testing;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.ppi.survey.directory.SurveyDirectory;

/** A SurveyDirectory over maps, tenant-scoped like the JDBC one, for aggregate fixtures. */
public class InMemoryDirectory implements SurveyDirectory {
    private final Map<String, InstitutionFacts> institutions = new HashMap<>();
    private final Set<String> scopes = new HashSet<>();
    private final Map<String, CenterFacts> centers = new HashMap<>();
    private final Map<String, EmployeeFacts> employees = new HashMap<>();
    private final Map<String, ProductFacts> products = new HashMap<>();

    public InMemoryDirectory withInstitution(String institutionId, String weeklyHours) {
        institutions.put(institutionId, new InstitutionFacts(institutionId, new BigDecimal(weeklyHours)));
        return this;
    }

    public InMemoryDirectory withScope(String institutionId, String scopeId) {
        scopes.add(key(institutionId, scopeId));
        return this;
    }

    public InMemoryDirectory withCenter(String institutionId, String centerId, boolean closed, String parentCenterId) {
        centers.put(key(institutionId, centerId), new CenterFacts(centerId, closed, parentCenterId));
        return this;
    }

    public InMemoryDirectory withEmployee(String institutionId, String employeeId, String centerId, String contractedHours,
                                          boolean active) {
        employees.put(key(institutionId, employeeId),
                new EmployeeFacts(employeeId, centerId, new BigDecimal(contractedHours), active));
        return this;
    }

    public InMemoryDirectory withProduct(String institutionId, String productId, String centerId, boolean active) {
        products.put(key(institutionId, productId), new ProductFacts(productId, centerId, active));
        return this;
    }

    @Override
    public Optional<InstitutionFacts> institution(String institutionId) {
        return Optional.ofNullable(institutions.get(institutionId));
    }

    @Override
    public boolean scopeExists(String institutionId, String scopeId) {
        return scopes.contains(key(institutionId, scopeId));
    }

    @Override
    public Optional<CenterFacts> center(String institutionId, String centerId) {
        return Optional.ofNullable(centers.get(key(institutionId, centerId)));
    }

    @Override
    public Optional<EmployeeFacts> employee(String institutionId, String employeeId) {
        return Optional.ofNullable(employees.get(key(institutionId, employeeId)));
    }

    @Override
    public Optional<ProductFacts> product(String institutionId, String productId) {
        return Optional.ofNullable(products.get(key(institutionId, productId)));
    }

    @Override
    public java.util.List<String> activeEmployeesOf(String institutionId, String centerId) {
        return employees.entrySet().stream().filter(e -> e.getKey().startsWith(institutionId + '|'))
                .map(Map.Entry::getValue).filter(e -> e.active() && centerId.equals(e.centerId()))
                .map(EmployeeFacts::employeeId).sorted().toList();
    }

    @Override
    public java.util.List<String> activeProductsOf(String institutionId, String centerId) {
        return products.entrySet().stream().filter(e -> e.getKey().startsWith(institutionId + '|'))
                .map(Map.Entry::getValue).filter(p -> p.active() && centerId.equals(p.centerId()))
                .map(ProductFacts::productId).sorted().toList();
    }

    private static String key(String institutionId, String id) {
        return institutionId + '|' + id;
    }
}
