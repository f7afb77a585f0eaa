package org.ppi.catalog;

import java.util.Arrays;

import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import org.ppi.platform.web.Actor;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document shows the two actor headers the gateway forwards instead of an "actor" parameter
 * (the {@link Actor} is resolved from headers, not from the query string).
 */
@Configuration
class OpenApiConfiguration {
    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Actor.class);
    }

    @Bean
    OperationCustomizer actorHeaders() {
        return (operation, handler) -> {
            boolean needsActor = Arrays.stream(handler.getMethodParameters())
                    .anyMatch(p -> Actor.class.equals(p.getParameterType()));
            if (needsActor) {
                operation.addParametersItem(new HeaderParameter().name(Actor.INSTITUTION_HEADER).required(true)
                        .description("Institution (tenant) id").schema(new StringSchema()));
                operation.addParametersItem(new HeaderParameter().name(Actor.USER_HEADER).required(true)
                        .description("Acting user id").schema(new StringSchema()));
            }
            return operation;
        };
    }
}
