package org.ppi.platform.web;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Resolves an {@link Actor} controller parameter from the request headers; both headers are required. */
public class ActorArgumentResolver implements HandlerMethodArgumentResolver {
    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[A-Za-z0-9._:@-]{1,100}");

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return Actor.class.equals(parameter.getParameterType());
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                  WebDataBinderFactory binderFactory) {
        String institution = request.getHeader(Actor.INSTITUTION_HEADER);
        String user = request.getHeader(Actor.USER_HEADER);
        if (institution == null || institution.isBlank() || !ID.matcher(institution).matches()) {
            throw DomainRejection.badRequest("actor.institution-missing", Actor.INSTITUTION_HEADER);
        }
        if (user == null || user.isBlank() || user.length() > 200) {
            throw DomainRejection.badRequest("actor.user-missing", Actor.USER_HEADER);
        }
        return new Actor(institution, user.trim());
    }
}
