package org.ppi.costing.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ppi.costing.rules.WorkedExample.cents;
import static org.ppi.costing.rules.WorkedExample.money;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ppi.contracts.catalog.ProductType;
import org.ppi.contracts.money.Rational;
import org.ppi.contracts.survey.CenterArea;
import org.ppi.contracts.survey.CostingMethod;

/** The seed platform's "Costos producción → Por producto" rows, reproduced to the cent by the classic method. */
class SeedExamplesTest {

    @Test
    void informeAnualDeGestion() {
        // Payroll 9,824,561.40 in five different salaries: classic must not care how it is split.
        WorkedExample.Builder b = new WorkedExample.Builder(CostingMethod.CLASSIC)
                .center("DIR", CenterArea.SUBSTANTIVE, 0)
                .employee("E1", "DIR", money("3000000.00"), Rational.of(40))
                .employee("E2", "DIR", money("2500000.00"), Rational.of(40))
                .employee("E3", "DIR", money("1824561.40"), Rational.of(40))
                .employee("E4", "DIR", money("1500000.00"), Rational.of(40))
                .employee("E5", "DIR", money("1000000.00"), Rational.of(40))
                .product("IAG", "DIR", ProductType.TERMINAL, true, Rational.ONE)
                .allocate("E1", "IAG", 1).allocate("E2", "IAG", 3).allocate("E3", "IAG", 2)
                .allocate("E4", "IAG", 1).allocate("E5", "IAG", 1);
        ProductCost p = CostingRules.productCost(b.build(), "IAG");

        assertThat(p.labourRows()).extracting(r -> r.labour().toCents()).containsExactly(
                cents("49122.81"), cents("147368.42"), cents("98245.61"), cents("49122.81"), cents("49122.81"));
        assertThat(p.labourRows()).extracting(r -> r.share().round(4)).containsExactly(
                new BigDecimal("0.0050"), new BigDecimal("0.0150"), new BigDecimal("0.0100"),
                new BigDecimal("0.0050"), new BigDecimal("0.0050"));
        assertThat(p.labour().toCents()).isEqualTo(cents("392982.46"));
        assertThat(p.direct().toCents()).isEqualTo(cents("392982.46"));
        assertThat(p.unitCost().toCents()).isEqualTo(cents("392982.46"));
    }

    @Test
    void aulaDelDefensor() {
        ProductCost p = CostingRules.productCost(aula(money("3729694.50")), "AULA");

        assertThat(p.labourRows()).extracting(r -> r.share().round(4))
                .containsExactly(new BigDecimal("0.0125"), new BigDecimal("0.0625"));
        assertThat(p.labourRows()).extracting(r -> r.labour().toCents())
                .containsExactly(cents("46621.18"), cents("233105.91"));
        assertThat(p.labourRows()).extracting(r -> r.unitCost().toCents())
                .containsExactly(cents("15540.39"), cents("77701.97"));
    }

    /** The seed does not give the center's payroll: the cents that reproduce all four figures are a narrow band. */
    @Test
    void aulaDelDefensorPayrollSearch() {
        List<BigDecimal> matching = new ArrayList<>();
        for (long c = 372_969_400L; c <= 372_969_500L; c++) {
            BigDecimal payroll = BigDecimal.valueOf(c, 2);
            List<LabourRow> rows = CostingRules.productCost(aula(Rational.of(payroll)), "AULA").labourRows();
            if (rows.get(0).labour().toCents().equals(cents("46621.18"))
                    && rows.get(1).labour().toCents().equals(cents("233105.91"))
                    && rows.get(0).unitCost().toCents().equals(cents("15540.39"))
                    && rows.get(1).unitCost().toCents().equals(cents("77701.97"))) {
                matching.add(payroll);
            }
        }
        assertThat(matching).contains(new BigDecimal("3729694.50"))
                .allMatch(p -> p.compareTo(new BigDecimal("3729694.48")) >= 0
                        && p.compareTo(new BigDecimal("3729694.64")) < 0);
    }

    private static CostingInput aula(Rational payroll) {
        Rational first = money("2000000.00");
        return new WorkedExample.Builder(CostingMethod.CLASSIC)
                .center("AULA-C", CenterArea.SUBSTANTIVE, 0)
                .employee("A1", "AULA-C", first, Rational.of(40))
                .employee("A2", "AULA-C", payroll.minus(first), Rational.of(40))
                .product("AULA", "AULA-C", ProductType.TERMINAL, false, Rational.of(3))
                .allocate("A1", "AULA", 1).allocate("A2", "AULA", 5)
                .build();
    }
}
