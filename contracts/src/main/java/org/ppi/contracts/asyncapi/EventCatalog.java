package org.ppi.contracts.asyncapi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;

import org.ppi.contracts.PpiEvent;
import org.ppi.contracts.Topics;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.util.ClassUtils;

/**
 * Which topic carries which event types: every {@link PpiEvent} record of {@code org.ppi.contracts.<service>} is
 * published by that service on {@code ppi.<service>.events}. Read from the classes themselves (directory or jar), so
 * a new event record is documented, and checked on the topics, without anyone listing it.
 */
public final class EventCatalog {
    /** How the records of a topic are written: by the relay from the event store, or by a projection's outbox. */
    public enum Side { WRITE, PROJECTION }

    public record PublishedTopic(String topic, String service, String packageName, Side side, List<Class<?>> events) {
        /** {@code ce_source} of every record of the topic. */
        public String source() {
            return "/ppi/" + service;
        }
    }

    private EventCatalog() {
    }

    public static List<PublishedTopic> topics() {
        return List.of(
                topic(Topics.SURVEY, "survey-service", "survey", Side.WRITE),
                topic(Topics.CATALOG, "catalog-service", "catalog", Side.WRITE),
                topic(Topics.VALUECHAIN, "valuechain-service", "valuechain", Side.WRITE),
                topic(Topics.COSTING, "costing-service", "costing", Side.PROJECTION),
                topic(Topics.BUDGET, "budget-service", "budget", Side.PROJECTION));
    }

    private static PublishedTopic topic(String topic, String service, String pkg, Side side) {
        String packageName = "org.ppi.contracts." + pkg;
        return new PublishedTopic(topic, service, packageName, side, eventsIn(packageName));
    }

    /** The event records of one package, by name. */
    static List<Class<?>> eventsIn(String packageName) {
        ClassLoader loader = EventCatalog.class.getClassLoader();
        try {
            Resource[] classes = new PathMatchingResourcePatternResolver(loader)
                    .getResources("classpath*:" + packageName.replace('.', '/') + "/*.class");
            return java.util.Arrays.stream(classes)
                    .map(Resource::getFilename)
                    .filter(name -> name != null && !name.contains("$"))
                    .map(name -> ClassUtils.resolveClassName(packageName + "." + name.replace(".class", ""), loader))
                    .filter(c -> c.isRecord() && PpiEvent.class.isAssignableFrom(c))
                    .distinct()
                    .sorted(Comparator.comparing(Class::getSimpleName))
                    .<Class<?>>map(c -> c)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
