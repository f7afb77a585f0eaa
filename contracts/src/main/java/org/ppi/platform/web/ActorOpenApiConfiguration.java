package org.ppi.platform.web;

import java.util.Arrays;

import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Every service's OpenAPI document shows the two actor headers the gateway forwards instead of an "actor" query
 * parameter (which valuechain's document listed, so clients and the fuzzer saw a parameter that does nothing). The
 * {@link Actor} comes from the bearer token; the headers are optional and, when sent, must match the token.
 */
@AutoConfiguration
@ConditionalOnClass(SpringDocUtils.class)
public class ActorOpenApiConfiguration {
    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Actor.class);
    }

    @Bean
    OperationCustomizer actorHeaders() {
        return (operation, handler) -> {
            boolean needsActor = Arrays.stream(handler.getMethodParameters())
                    .anyMatch(p -> Actor.class.equals(p.getParameterType()));
            if (needsActor) {
                operation.addParametersItem(new HeaderParameter().name(Actor.INSTITUTION_HEADER).required(false)
                        .description("Institution (tenant) id; set by the gateway from the token, must match it").schema(new StringSchema()));
                operation.addParametersItem(new HeaderParameter().name(Actor.USER_HEADER).required(false)
                        .description("Acting user id; set by the gateway from the token, must match it").schema(new StringSchema()));
            }
            return operation;
        };
    }
}
