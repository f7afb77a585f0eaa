package org.ppi.platform.web;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Resolves an {@link Actor} controller parameter: the actor the security filter built from the verified token.
 * Never from headers alone: without a verified token there is no actor (401).
 */
public class ActorArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return Actor.class.equals(parameter.getParameterType());
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                  WebDataBinderFactory binderFactory) {
        if (request.getAttribute(Actor.REQUEST_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) instanceof Actor actor) {
            return actor;
        }
        throw new DomainRejection(401, "auth.unauthenticated", null);
    }
}
