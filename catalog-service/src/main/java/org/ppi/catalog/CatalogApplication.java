package org.ppi.catalog;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Write side of the product catalog: products, type, CORE flag, volume and productive features. */
@SpringBootApplication
public class CatalogApplication {
    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.setProperty("disable-axoniq-console-message", "true");
        SpringApplication.run(CatalogApplication.class, args);
    }
}
