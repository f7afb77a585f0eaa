package org.ppi.valuechain;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Write side of public value chains (impact ← result ← terminal ← intermediates) and the programmatic structure. */
@SpringBootApplication
public class ValueChainApplication {
    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.setProperty("disable-axoniq-console-message", "true");
        SpringApplication.run(ValueChainApplication.class, args);
    }
}
