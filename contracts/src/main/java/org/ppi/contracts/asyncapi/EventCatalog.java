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
 * published by that service on {@code ppi.<service>.events}, and every record of {@code org.ppi.contracts.projection}
 * (what happened to a parked event) by each projection on its {@code ppi.<projection>.audit}. Read from the classes
 * themselves (directory or jar), so a new event record is documented, and checked on the topics, without anyone
 * listing it. The projections' dead-letter topics carry copies of other topics' records, not events of their own
 * ({@link #deadLetterTopics()}).
 */
public final class EventCatalog {
    /** How the records of a topic are written: by the relay from the event store, or by a projection's outbox. */
    public enum Side { WRITE, PROJECTION, AUDIT }

    public record PublishedTopic(String topic, String service, String packageName, Side side, List<Class<?>> events) {
        /** {@code ce_source} of every record of the topic. */
        public String source() {
            return "/ppi/" + service;
        }

        /** The channel's id in the AsyncAPI document: the topic without ppi. and .events (survey, costing_audit). */
        public String channel() {
            return channelOf(topic);
        }
    }

    /** A projection's dead-letter topic: the records it parked, each as it was read, with why. */
    public record DeadLetterTopic(String topic, String service, String projection) {
        public String channel() {
            return channelOf(topic);
        }
    }

    static String channelOf(String topic) {
        return topic.replaceFirst("^ppi\\.", "").replaceFirst("\\.events$", "").replace('.', '_');
    }

    private EventCatalog() {
    }

    public static List<PublishedTopic> topics() {
        return List.of(
                topic(Topics.SURVEY, "survey-service", "survey", Side.WRITE),
                topic(Topics.CATALOG, "catalog-service", "catalog", Side.WRITE),
                topic(Topics.VALUECHAIN, "valuechain-service", "valuechain", Side.WRITE),
                topic(Topics.COSTING, "costing-service", "costing", Side.PROJECTION),
                topic(Topics.BUDGET, "budget-service", "budget", Side.PROJECTION),
                topic(Topics.COSTING_AUDIT, "costing-service", "projection", Side.AUDIT),
                topic(Topics.BUDGET_AUDIT, "budget-service", "projection", Side.AUDIT));
    }

    public static List<DeadLetterTopic> deadLetterTopics() {
        return List.of(new DeadLetterTopic(Topics.COSTING_DEADLETTER, "costing-service", "costing"),
                new DeadLetterTopic(Topics.BUDGET_DEADLETTER, "budget-service", "budget"));
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
