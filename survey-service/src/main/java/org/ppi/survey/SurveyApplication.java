package org.ppi.survey;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Write side of the survey: institutions, ámbitos, centers, employees, interviews and time allocations. */
@SpringBootApplication
public class SurveyApplication {
    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.setProperty("disable-axoniq-console-message", "true");
        SpringApplication.run(SurveyApplication.class, args);
    }
}
