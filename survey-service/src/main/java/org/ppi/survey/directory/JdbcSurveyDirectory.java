package org.ppi.survey.directory;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@link SurveyDirectory} over the service's read models and catalog replica. */
@Component
class JdbcSurveyDirectory implements SurveyDirectory {
    private final JdbcClient jdbc;

    JdbcSurveyDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<InstitutionFacts> institution(String institutionId) {
        return jdbc.sql("select institution_id, weekly_hours from institution_view where institution_id = ?")
                .param(institutionId)
                .query((rs, i) -> new InstitutionFacts(rs.getString(1), rs.getBigDecimal(2))).optional();
    }

    @Override
    public boolean scopeExists(String institutionId, String scopeId) {
        return jdbc.sql("select count(*) from scope_view where institution_id = ? and scope_id = ?")
                .params(institutionId, scopeId).query(Long.class).single() > 0;
    }

    @Override
    public Optional<CenterFacts> center(String institutionId, String centerId) {
        return jdbc.sql("select center_id, closed, parent_center_id from center_view "
                        + "where institution_id = ? and center_id = ?")
                .params(institutionId, centerId)
                .query((rs, i) -> new CenterFacts(rs.getString(1), rs.getBoolean(2), rs.getString(3))).optional();
    }

    @Override
    public Optional<EmployeeFacts> employee(String institutionId, String employeeId) {
        return jdbc.sql("select employee_id, center_id, contracted_hours, active from employee_view "
                        + "where institution_id = ? and employee_id = ?")
                .params(institutionId, employeeId)
                .query((rs, i) -> new EmployeeFacts(rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getBoolean(4)))
                .optional();
    }

    @Override
    public java.util.List<String> activeEmployeesOf(String institutionId, String centerId) {
        return jdbc.sql("select employee_id from employee_view where institution_id = ? and center_id = ? and active "
                        + "order by employee_id").params(institutionId, centerId).query(String.class).list();
    }

    @Override
    public java.util.List<String> activeProductsOf(String institutionId, String centerId) {
        return jdbc.sql("select product_id from known_product where institution_id = ? and center_id = ? and active "
                        + "order by product_id").params(institutionId, centerId).query(String.class).list();
    }

    @Override
    public Optional<ProductFacts> product(String institutionId, String productId) {
        return jdbc.sql("select product_id, center_id, active from known_product where institution_id = ? and product_id = ?")
                .params(institutionId, productId)
                .query((rs, i) -> new ProductFacts(rs.getString(1), rs.getString(2), rs.getBoolean(3))).optional();
    }
}
