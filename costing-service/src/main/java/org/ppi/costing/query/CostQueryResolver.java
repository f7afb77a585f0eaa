package org.ppi.costing.query;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import org.ppi.costing.state.Basis;
import org.ppi.platform.web.DomainRejection;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Reads a {@link CostQuery} from the request's {@code asOf}, {@code fiscalYear}, {@code basis} and
 * {@code normalize} parameters; a value that cannot be read answers 400 naming the parameter, in the caller's
 * language, like every other bad parameter.
 */
@Configuration
class CostQueryResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {
    /** Years the method can sensibly be about: a typo such as 20026 is refused rather than costed. */
    private static final int FIRST_YEAR = 1900;
    private static final int LAST_YEAR = 2200;

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return CostQuery.class.equals(parameter.getParameterType());
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                  WebDataBinderFactory binderFactory) {
        return new CostQuery(instant(request.getParameter("asOf")), year(request.getParameter("fiscalYear")),
                basis(request.getParameter("basis")), bool(request.getParameter("normalize")));
    }

    private static Instant instant(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw bad("asOf");
        }
    }

    private static Integer year(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int year = Integer.parseInt(value.trim());
            if (year < FIRST_YEAR || year > LAST_YEAR) {
                throw bad("fiscalYear");
            }
            return year;
        } catch (NumberFormatException e) {
            throw bad("fiscalYear");
        }
    }

    private static Basis basis(String value) {
        if (value == null || value.isBlank()) {
            return Basis.ALL;
        }
        try {
            return Basis.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw bad("basis");
        }
    }

    private static boolean bool(String value) {
        if (value == null || value.isBlank() || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        throw bad("normalize");
    }

    private static DomainRejection bad(String name) {
        return DomainRejection.badRequest("request.bad-parameter", name, name);
    }
}
