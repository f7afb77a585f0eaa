package org.ppi.gateway;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The health of every service at one address, with the two backlogs between a recorded change and the figures:
 * each write service's relay (events in its store not yet on its topic, events parked) and each projection
 * (published events not yet in its read models). 200 when all are UP; 200 and {@code DEGRADED} naming the reasons
 * while a relay is parked or a backlog is above its threshold; 503 naming what is DOWN.
 * {@code /api/admin/lag} answers the backlogs alone, with their sum.
 */
@RestController
class PlatformHealth {
    private final WebClient http = WebClient.create();
    private final Map<String, String> services = new LinkedHashMap<>();

    PlatformHealth(@Value("${ppi.services.survey}") String survey, @Value("${ppi.services.catalog}") String catalog,
                   @Value("${ppi.services.valuechain}") String valuechain, @Value("${ppi.services.costing}") String costing,
                   @Value("${ppi.services.budget}") String budget) {
        services.put("survey-service", survey);
        services.put("catalog-service", catalog);
        services.put("valuechain-service", valuechain);
        services.put("costing-service", costing);
        services.put("budget-service", budget);
    }

    /** One service's health as the gateway read it. */
    record ServiceHealth(String status, Map<String, Object> relay, Map<String, Object> projection) {
        static final ServiceHealth DOWN = new ServiceHealth("DOWN", null, null);
    }

    @GetMapping("/api/health")
    Mono<ResponseEntity<Map<String, Object>>> health() {
        return all().map(healths -> {
            String status = overall(healths);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", status);
            body.put("gateway", "UP");
            Map<String, String> statuses = new LinkedHashMap<>();
            healths.forEach((name, h) -> statuses.put(name, h.status()));
            body.put("services", statuses);
            body.putAll(backlogs(healths));
            return ResponseEntity.status("DOWN".equals(status) ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.OK).body(body);
        });
    }

    @GetMapping("/api/admin/lag")
    Mono<Map<String, Object>> lag() {
        return all().map(this::backlogs);
    }

    private Map<String, Object> backlogs(Map<String, ServiceHealth> healths) {
        Map<String, Object> relays = new LinkedHashMap<>();
        Map<String, Object> projections = new LinkedHashMap<>();
        long notInFigures = 0;
        for (Map.Entry<String, ServiceHealth> h : healths.entrySet()) {
            if (h.getValue().relay() != null) {
                relays.put(h.getKey(), h.getValue().relay());
                notInFigures += number(h.getValue().relay().get("eventsBehind")) + number(h.getValue().relay().get("parked"));
            }
            if (h.getValue().projection() != null) {
                projections.put(h.getKey(), h.getValue().projection());
                notInFigures += number(h.getValue().projection().get("eventsBehind"));
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("relays", relays);
        body.put("projections", projections);
        body.put("eventsNotYetInFigures", notInFigures);
        return body;
    }

    private static String overall(Map<String, ServiceHealth> healths) {
        if (healths.values().stream().anyMatch(h -> !"UP".equals(h.status()) && !"DEGRADED".equals(h.status()))) {
            return "DOWN";
        }
        return healths.values().stream().anyMatch(h -> "DEGRADED".equals(h.status())) ? "DEGRADED" : "UP";
    }

    private Mono<Map<String, ServiceHealth>> all() {
        return Flux.fromIterable(services.entrySet())
                .flatMap(s -> health(s.getValue()).map(h -> Map.entry(s.getKey(), h)))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue)
                .map(found -> {
                    Map<String, ServiceHealth> ordered = new LinkedHashMap<>();
                    services.keySet().forEach(name -> ordered.put(name, found.get(name)));
                    return ordered;
                });
    }

    @SuppressWarnings("unchecked")
    private Mono<ServiceHealth> health(String baseUrl) {
        // A DEGRADED service answers 200; a DOWN one 503 with the same body: read the body either way.
        return http.get().uri(baseUrl + "/actuator/health")
                .exchangeToMono(response -> response.bodyToMono(Map.class))
                .map(body -> {
                    Map<String, Object> components = (Map<String, Object>) ((Map<String, Object>) body)
                            .getOrDefault("components", Map.of());
                    return new ServiceHealth(String.valueOf(body.get("status")), details(components.get("relay")),
                            details(components.get("projection")));
                })
                .timeout(Duration.ofSeconds(5))
                .onErrorReturn(ServiceHealth.DOWN);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> details(Object component) {
        if (!(component instanceof Map<?, ?> map)) {
            return null;
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("status", map.get("status"));
        Object inner = map.get("details");
        if (inner instanceof Map<?, ?> d) {
            details.putAll((Map<String, Object>) d);
        }
        return details;
    }

    private static long number(Object value) {
        return value instanceof Number n ? Math.max(0, n.longValue()) : 0;
    }
}
