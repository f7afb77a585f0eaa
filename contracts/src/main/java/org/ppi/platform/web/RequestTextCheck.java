package org.ppi.platform.web;

import java.lang.reflect.Type;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Every JSON request body is checked by {@link TextLimits#checkRequest} as soon as it is read, before the controller
 * uses any of its texts in a lookup: a NUL in a center id used to reach PostgreSQL in the controller's own check
 * (and answer 500) before the command's checks could refuse it.
 */
@ControllerAdvice
public class RequestTextCheck extends RequestBodyAdviceAdapter {

    @Override
    public boolean supports(MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object afterBodyRead(Object body, HttpInputMessage inputMessage, MethodParameter parameter, Type targetType,
                                Class<? extends HttpMessageConverter<?>> converterType) {
        TextLimits.checkRequest(body);
        return body;
    }
}
