package org.ppi.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Every published event type resolves back to its contract class, so no consumer meets a type it cannot read. */
class EventTypesTest {

    @Test
    void everyEventRecordHasAVersionedTypeThatResolvesBackToIt() throws Exception {
        List<Class<?>> events = eventClasses();
        assertThat(events).hasSizeGreaterThan(40);
        for (Class<?> event : events) {
            String type = EventTypes.typeOf(event);
            assertThat(type).matches("org\\.ppi\\.(survey|catalog|valuechain|costing|budget|projection)\\.[A-Z][A-Za-z]+\\.v1");
            assertThat(EventTypes.classOf(type)).isEqualTo(event);
            assertThat(EventTypes.nameOf(type)).isEqualTo(event.getSimpleName());
        }
    }

    @Test
    void unknownOrForeignTypesResolveToNothing() {
        assertThat(EventTypes.classOf("org.ppi.survey.NoSuchEvent.v1")).isNull();
        assertThat(EventTypes.classOf("com.example.Other.v1")).isNull();
        assertThat(EventTypes.classOf(null)).isNull();
        // a newer schema of a known name is another shape: unknown here, never read as the v1 record
        assertThat(EventTypes.classOf("org.ppi.survey.TimeAllocated.v2")).isNull();
        assertThat(EventTypes.classOf("org.ppi.survey.TimeAllocated.v1")).isEqualTo(org.ppi.contracts.survey.TimeAllocated.class);
    }

    private static List<Class<?>> eventClasses() throws IOException, URISyntaxException {
        Path root = Path.of(PpiEvent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> files = Files.walk(root.resolve("org/ppi/contracts"))) {
            return files.filter(f -> f.toString().endsWith(".class") && !f.toString().contains("$"))
                    .map(f -> root.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", ""))
                    .map(EventTypesTest::load)
                    .filter(c -> c.isRecord() && PpiEvent.class.isAssignableFrom(c))
                    .toList();
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
