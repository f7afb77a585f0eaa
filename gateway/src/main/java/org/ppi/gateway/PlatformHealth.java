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

/** The health of every service at one address: 200 when all are UP, 503 naming the ones that are not. */
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

    @GetMapping("/api/health")
    Mono<ResponseEntity<Map<String, Object>>> health() {
        return Flux.fromIterable(services.entrySet())
                .flatMap(s -> status(s.getValue()).map(status -> Map.entry(s.getKey(), status)))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue, LinkedHashMap::new)
                .map(statuses -> {
                    boolean up = statuses.values().stream().allMatch("UP"::equals);
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("status", up ? "UP" : "DOWN");
                    body.put("gateway", "UP");
                    Map<String, String> ordered = new LinkedHashMap<>();
                    services.keySet().forEach(name -> ordered.put(name, statuses.get(name)));
                    body.put("services", ordered);
                    return ResponseEntity.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).body(body);
                });
    }

    @SuppressWarnings("unchecked")
    private Mono<String> status(String baseUrl) {
        return http.get().uri(baseUrl + "/actuator/health").retrieve().bodyToMono(Map.class)
                .map(body -> String.valueOf(((Map<String, Object>) body).get("status")))
                .timeout(Duration.ofSeconds(3))
                .onErrorReturn("DOWN");
    }
}
