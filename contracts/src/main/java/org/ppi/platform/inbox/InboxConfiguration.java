package org.ppi.platform.inbox;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The consumer half of the wire: CloudEvent reading and the dedupe inbox. */
@AutoConfiguration(afterName = {"org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
        "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration"})
@ConditionalOnClass(name = "org.springframework.messaging.Message")
public class InboxConfiguration {

    @Bean
    public CloudEventReader cloudEventReader(JsonMapper json) {
        return new CloudEventReader(json);
    }

    @Bean
    @ConditionalOnBean(JdbcTemplate.class)
    public Inbox inbox(JdbcTemplate jdbc) {
        return new Inbox(jdbc);
    }
}
