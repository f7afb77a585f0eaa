package org.ppi.gateway;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway's own refusals in the platform's error format ({@code status, code, field, message, details}),
 * Spanish unless the caller asks for English first: the same shape the services answer, so a client reads one
 * format whoever refused.
 */
public final class ErrorResponses {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, String[]> MESSAGES = Map.of(
            "service.unavailable", new String[]{"El servicio %s no responde en este momento (detenido o reiniciándose): "
                    + "su solicitud no llegó a él; vuelva a intentarlo en unos segundos.",
                    "Service %s is not answering right now (stopped or restarting): your request did not reach it; "
                            + "try again in a few seconds."},
            "service.interrupted", new String[]{"El servicio %s dejó de responder mientras atendía su solicitud "
                    + "(se detuvo o se reinició): pudo aplicarse o no. Consulte el estado antes de repetirla; repetir "
                    + "una asignación de horas es seguro.",
                    "Service %s stopped answering while it handled your request (it stopped or restarted): it may or "
                            + "may not have been applied. Check before repeating it; repeating an allocation of hours is safe."},
            "request.too-large", new String[]{"La solicitud supera el tamaño máximo de %,d bytes.",
                    "The request is larger than the maximum of %,d bytes."},
            "auth.unauthenticated", new String[]{"Inicie sesión: falta un token de acceso válido, o el enviado no es válido.",
                    "Sign in: a valid access token is missing, or the one sent is not valid."},
            "auth.forbidden", new String[]{"Su rol no permite esta acción.", "Your role does not allow this action."},
            "auth.csrf", new String[]{"Falta o no es válido el token CSRF de la sesión: recargue la página.",
                    "The session's CSRF token is missing or invalid: reload the page."},
            "request.rate-limited", new String[]{"Demasiadas solicitudes: espere %d s y vuelva a intentarlo.",
                    "Too many requests: wait %d s and try again."});

    private ErrorResponses() {
    }

    public static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String code, Object... args) {
        String language = language(exchange);
        String[] texts = MESSAGES.get(code);
        String message = String.format(Locale.forLanguageTag(language), texts["en".equals(language) ? 1 : 0], args);
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("status", status.value());
        body.put("code", code);
        body.put("field", null);
        body.put("message", message);
        body.put("details", List.of());
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
    }

    /** Spanish unless the caller asks for English first. */
    public static String language(ServerWebExchange exchange) {
        List<Locale.LanguageRange> ranges = exchange.getRequest().getHeaders().getAcceptLanguage();
        return "en".equals(Locale.lookupTag(ranges, List.of("es", "en"))) ? "en" : "es";
    }
}
