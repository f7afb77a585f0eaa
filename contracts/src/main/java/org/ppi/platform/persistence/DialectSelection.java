package org.ppi.platform.persistence;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * Picks the byte-array-friendly dialect for the database in use, so one set of Flyway migrations (with
 * {@code bytea}) serves PostgreSQL in production and H2 in the embedded local start.
 */
@AutoConfiguration
@ConditionalOnClass(HibernatePropertiesCustomizer.class)
public class DialectSelection {

    @Bean
    public HibernatePropertiesCustomizer ppiDialect(@Value("${spring.datasource.url:}") String url) {
        return properties -> {
            if (url.startsWith("jdbc:h2:")) {
                properties.put("hibernate.dialect", VarbinaryH2Dialect.class.getName());
            } else if (url.startsWith("jdbc:postgresql:")) {
                properties.put("hibernate.dialect", ByteaPostgreSQLDialect.class.getName());
            }
        };
    }
}
