package org.ppi.gateway.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The AsyncAPI 3.0 document of the platform's topics, beside the OpenAPI documents under the open {@code /api/docs/}:
 * generated from the event records in contracts ({@code org.ppi.contracts.asyncapi.AsyncApiDocument}) and served as
 * committed there, in YAML and in JSON. Read once at start: a gateway built without it does not start.
 */
@RestController
class EventDocsController {
    static final MediaType YAML = MediaType.parseMediaType("application/yaml;charset=UTF-8");
    private final byte[] yaml = resource("asyncapi/ppi-events.yaml");
    private final byte[] json = resource("asyncapi/ppi-events.json");

    @GetMapping("/api/docs/asyncapi.yaml")
    ResponseEntity<byte[]> yaml() {
        return ResponseEntity.ok().contentType(YAML).body(yaml);
    }

    @GetMapping("/api/docs/asyncapi.json")
    ResponseEntity<byte[]> json() {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json);
    }

    private static byte[] resource(String name) {
        try (InputStream in = EventDocsController.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing: the gateway serves it from the contracts jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
