package org.ppi.survey.web;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import org.springframework.context.annotation.Configuration;

/** /api/docs/survey-service (the Actor is documented as headers by the kernel's ActorOpenApiConfiguration). */
@Configuration
@OpenAPIDefinition(info = @Info(title = "PPI survey-service",
        description = "Institutions, ámbitos, production centers, employees, interviews and time allocations. "
                + "Every call needs a bearer access token (Authorization: Bearer ...); the X-Institution-Id and X-User-Id "
                + "headers the gateway sets from it must match it."))
class OpenApiConfiguration {
}
