package org.ppi.survey.web;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** The service's messages in the request's language (Spanish unless asked otherwise), or in a given one. */
@Component
public class Messages {
    private final MessageSource source;

    public Messages(MessageSource source) {
        this.source = source;
    }

    public String text(String code, Object... args) {
        return text(LocaleContextHolder.getLocale(), code, args);
    }

    public String text(Locale locale, String code, Object... args) {
        return source.getMessage(code, args, code, locale);
    }

    public Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
