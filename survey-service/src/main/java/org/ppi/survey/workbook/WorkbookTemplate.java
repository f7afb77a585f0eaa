package org.ppi.survey.workbook;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What an interview's workbook is filled with: its center's employees still on the payroll, its products still
 * active (from the catalog replica, with type, volume and unit), and the hours the interview holds for each pair.
 */
@Component
class WorkbookTemplate {
    private final JdbcClient jdbc;

    WorkbookTemplate(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Employee(String id, String name, String position, BigDecimal contractedHours) {
    }

    record Product(String id, String name, String type, BigDecimal volume, String unit) {
    }

    record Contents(String interviewId, String centerId, String centerName, List<Employee> employees,
                    List<Product> products, Map<String, BigDecimal> hours) {
        BigDecimal hours(String employeeId, String productId) {
            return hours.get(employeeId + '|' + productId);
        }
    }

    Optional<Contents> of(String institutionId, String interviewId) {
        Optional<String[]> interview = jdbc.sql("select i.center_id, c.name from interview_view i left join center_view c "
                        + "on c.center_id = i.center_id and c.institution_id = i.institution_id "
                        + "where i.institution_id = ? and i.interview_id = ?")
                .params(institutionId, interviewId)
                .query((rs, n) -> new String[]{rs.getString(1), rs.getString(2)}).optional();
        return interview.map(center -> {
            List<Employee> employees = jdbc.sql("select employee_id, name, position, contracted_hours from employee_view "
                            + "where institution_id = ? and center_id = ? and active order by name, employee_id")
                    .params(institutionId, center[0])
                    .query((rs, n) -> new Employee(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4)))
                    .list();
            List<Product> products = jdbc.sql("select product_id, name, product_type, volume, volume_unit from known_product "
                            + "where institution_id = ? and center_id = ? and active order by name, product_id")
                    .params(institutionId, center[0])
                    .query((rs, n) -> new Product(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4),
                            rs.getString(5)))
                    .list();
            Map<String, BigDecimal> hours = new HashMap<>();
            jdbc.sql("select employee_id, product_id, hours from interview_allocation where institution_id = ? "
                            + "and interview_id = ?").params(institutionId, interviewId)
                    .query(rs -> {
                        hours.put(rs.getString(1) + '|' + rs.getString(2), rs.getBigDecimal(3));
                    });
            return new Contents(interviewId, center[0], center[1], employees, products, hours);
        });
    }
}
