package org.ppi.platform.persistence;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * On PostgreSQL, a JDBC batch of inserts is sent as multi-row inserts ({@code reWriteBatchedInserts}): the projections
 * write their log, inbox, version, recalculation-log and outbox rows in batches ({@code BatchedWrites}), and the driver
 * otherwise sends each row of a batch as its own statement in the round trip — the rate the bench's raw limit
 * ("PostgreSQL batched upserts") is measured at uses the same setting. A url that sets it already keeps its choice.
 * Nothing reads the counts of a batched insert (a rewritten one answers "success, no count"); the counts of batched
 * updates, which say whether a row existed, are not affected.
 */
@AutoConfiguration
@ConditionalOnClass(HikariDataSource.class)
public class PostgresBatchRewrite {

    @Bean
    static BeanPostProcessor ppiPostgresBatchRewrite() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource pool && rewrites(pool.getJdbcUrl())) {
                    pool.addDataSourceProperty("reWriteBatchedInserts", "true");
                }
                return bean;
            }
        };
    }

    static boolean rewrites(String url) {
        return url != null && url.startsWith("jdbc:postgresql:") && !url.toLowerCase(java.util.Locale.ROOT).contains("rewritebatchedinserts");
    }
}
