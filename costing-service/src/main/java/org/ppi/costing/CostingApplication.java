package org.ppi.costing;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Read side: costs of products, employees and centers from the survey, catalog and value-chain topics. */
@org.springframework.scheduling.annotation.EnableScheduling
@SpringBootApplication
public class CostingApplication {
    public static void main(String[] args) {
        SpringApplication.run(CostingApplication.class, args);
    }
}
