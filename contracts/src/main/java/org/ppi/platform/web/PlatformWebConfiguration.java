package org.ppi.platform.web;

import java.util.List;
import java.util.Locale;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Spanish first, English second: messages (locale from Accept-Language, Spanish by default through
 * spring.web.locale in ppi-platform.yml), the actor headers and the error format.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(WebMvcConfigurer.class)
@Import({ApiErrorHandler.class, RequestTextCheck.class})
public class PlatformWebConfiguration implements WebMvcConfigurer {
    public static final Locale SPANISH = Locale.forLanguageTag("es");

    @Bean
    public MessageSource messageSource() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames("messages", "platform-messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        source.setDefaultLocale(SPANISH);
        return source;
    }

    /** Request bodies above {@code ppi.web.max-request-bytes} (512 KiB by default) answer 413 before any work. */
    @Bean
    public FilterRegistrationBean<RequestSizeLimit> requestSizeLimit(
            @Value("${ppi.web.max-request-bytes:524288}") long maxBytes, MessageSource messageSource, JsonMapper json) {
        FilterRegistrationBean<RequestSizeLimit> registration = new FilterRegistrationBean<>(
                new RequestSizeLimit(maxBytes, new ApiErrorWriter(messageSource, null, json)));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new ActorArgumentResolver());
    }
}
