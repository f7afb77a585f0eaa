package org.ppi.platform.projection;

import java.util.List;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The replayable-projection kit, switched on by {@code ppi.projection.name}: offsets kept with the read models,
 * the event log, partitions started at the recorded offsets (in-memory ledgers forgotten whenever partitions change
 * hands, so several instances can split the institutions), the transaction that applies one event, the
 * outbox and its publisher (to {@code ppi.projection.topic}), the replay admin endpoint and the institution
 * replay (the service declares a {@link ReplayPlan}).
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration")
@ConditionalOnProperty("ppi.projection.name")
@Import({ReplayController.class, InstitutionReplayController.class, RecalculationController.class, ParkedEventsController.class})
@org.springframework.scheduling.annotation.EnableScheduling
public class ProjectionConfiguration {

    @Bean
    public ConsumerOffsets consumerOffsets(JdbcClient jdbc) {
        return new ConsumerOffsets(jdbc);
    }

    @Bean
    public EventLog eventLog(JdbcClient jdbc, JsonMapper json, BatchedWrites writes) {
        return new EventLog(jdbc, json, writes);
    }

    @Bean
    public InboxPurge inboxPurge(JdbcClient jdbc, org.springframework.core.env.Environment env) {
        return new InboxPurge(jdbc, env.getProperty("ppi.projection.inbox-retention", java.time.Duration.class,
                java.time.Duration.ofDays(7)), env.getProperty("ppi.projection.inbox-purge-batch", Integer.class, 1000));
    }

    @Bean
    public BatchedWrites batchedWrites(org.springframework.jdbc.core.JdbcTemplate jdbc) {
        return new BatchedWrites(jdbc);
    }

    /** The figures' versions an as-of query reads, in the service's own {@code figure_version} table (its migration). */
    @Bean
    public FigureVersions figureVersions(BatchedWrites writes, JdbcClient jdbc) {
        return new FigureVersions("figure_version", writes, jdbc);
    }

    @Bean
    public RecordedOffsets recordedOffsets(ConsumerOffsets offsets) {
        return new RecordedOffsets(offsets);
    }

    /** The binder's rebalance listener (one per service): ledgers forgotten, partitions started at the recorded offsets. */
    @Bean
    public PartitionHandover partitionHandover(RecordedOffsets offsets,
                                               org.springframework.beans.factory.ObjectProvider<ReplayPlan> plan,
                                               @org.springframework.beans.factory.annotation.Value("${ppi.projection.name}") String projection) {
        return new PartitionHandover(offsets, plan, projection);
    }

    @Bean
    public ProjectionTransaction projectionTransaction(org.ppi.platform.inbox.CloudEventReader reader, TransactionTemplate tx,
                                                       org.springframework.jdbc.core.JdbcTemplate jdbcTemplate, EventLog eventLog,
                                                       ConsumerOffsets offsets, ParkedEvents parked,
                                                       javax.sql.DataSource dataSource, ProjectionMetrics metrics,
                                                       BatchedWrites writes,
                                                       org.springframework.beans.factory.ObjectProvider<org.ppi.platform.tracing.Traces> traces) {
        return new ProjectionTransaction(reader, tx, new ProjectionInbox(jdbcTemplate), eventLog, offsets, parked, dataSource,
                writes, metrics,
                traces.getIfAvailable(() -> org.ppi.platform.tracing.Traces.NONE));
    }

    /** Events applied per topic and each institution's recording-to-figures delay (see {@link ProjectionMetrics}). */
    @Bean
    public ProjectionMetrics projectionMetrics(
            org.springframework.beans.factory.ObjectProvider<io.micrometer.core.instrument.MeterRegistry> meters,
            @org.springframework.beans.factory.annotation.Value("${ppi.projection.name}") String projection) {
        return new ProjectionMetrics(meters.getIfAvailable(io.micrometer.core.instrument.simple.SimpleMeterRegistry::new),
                projection);
    }

    /** Kafka consumer lag per topic, parked events and the outbox backlog as gauges (see {@link ProjectionMeters}). */
    @Bean
    @ConditionalOnBean(ReplayPlan.class)
    public ProjectionMeters projectionMeters(ReplayService replay, ReplayPlan plan, JdbcClient jdbc,
                                             @org.springframework.beans.factory.annotation.Value("${ppi.projection.name}") String projection,
                                             @org.springframework.beans.factory.annotation.Value("${ppi.metrics.refresh:PT1S}") java.time.Duration refresh) {
        return new ProjectionMeters(replay, plan.topics(), jdbc, projection, refresh);
    }

    @Bean
    public ParkedEvents parkedEvents(JdbcClient jdbc, JsonMapper json, DeadLetters deadLetters, ParkingAudit audit,
                                     TransactionTemplate tx) {
        return new ParkedEvents(jdbc, json, deadLetters, audit, tx);
    }

    /** {@code ppi.<projection>.deadletter} unless {@code ppi.projection.dead-letter-topic} names another. */
    @Bean
    public DeadLetters deadLetters(Outbox outbox, JsonMapper json, org.springframework.core.env.Environment env) {
        String projection = env.getRequiredProperty("ppi.projection.name");
        return new DeadLetters(outbox, json, projection, env.getProperty("ppi.projection.dead-letter-topic",
                org.ppi.contracts.Topics.deadLetter(projection)));
    }

    /** {@code ppi.<projection>.audit} unless {@code ppi.projection.audit-topic} names another. */
    @Bean
    public ParkingAudit parkingAudit(Outbox outbox, org.springframework.core.env.Environment env) {
        String projection = env.getRequiredProperty("ppi.projection.name");
        return new ParkingAudit(outbox, projection, env.getProperty("ppi.projection.audit-topic",
                org.ppi.contracts.Topics.audit(projection)));
    }

    /**
     * The dead-letter topic takes records up to {@code ppi.projection.dead-letter-max-bytes} (default 2 MiB: twice
     * the broker's default, so the largest record an input topic takes still fits with the headers a dead letter
     * adds); created at start-up when missing, like the audit topic (one partition each: they are small and
     * ordered per institution or per event). Both keep their records for good ({@code retention.ms = -1}), whatever
     * the broker's default: they are the record of what was parked and what became of it.
     */
    @Bean
    public org.springframework.kafka.core.KafkaAdmin.NewTopics projectionSideTopics(DeadLetters deadLetters,
                                                                                   ParkingAudit audit,
                                                                                   org.springframework.core.env.Environment env) {
        return new org.springframework.kafka.core.KafkaAdmin.NewTopics(
                org.springframework.kafka.config.TopicBuilder.name(deadLetters.topic()).partitions(1)
                        .config("max.message.bytes", Integer.toString(deadLetterMaxBytes(env)))
                        .config("retention.ms", "-1").build(),
                org.springframework.kafka.config.TopicBuilder.name(audit.topic()).partitions(1)
                        .config("retention.ms", "-1").build());
    }

    static int deadLetterMaxBytes(org.springframework.core.env.Environment env) {
        return env.getProperty("ppi.projection.dead-letter-max-bytes", Integer.class, 2 * 1024 * 1024);
    }

    @Bean
    public org.springframework.web.servlet.config.annotation.WebMvcConfigurer staleFigures(ParkedEvents parked) {
        return new org.springframework.web.servlet.config.annotation.WebMvcConfigurer() {
            @Override
            public void addInterceptors(org.springframework.web.servlet.config.annotation.InterceptorRegistry registry) {
                registry.addInterceptor(new StaleFigures(parked)).addPathPatterns("/api/**");
            }
        };
    }

    /**
     * A projection never skips an event: a failing batch is retried whole, with back-off from 200 ms doubling to
     * 10 s, until it applies (a poison event stalls its partitions visibly instead of being lost). Batch listeners
     * do not use the binder's retry template, so the container's error handler says it.
     */
    @Bean
    public org.springframework.cloud.stream.config.ListenerContainerCustomizer<
            org.springframework.kafka.listener.AbstractMessageListenerContainer<?, ?>> projectionRetries() {
        return (container, destination, group) -> {
            org.springframework.util.backoff.ExponentialBackOff backOff =
                    new org.springframework.util.backoff.ExponentialBackOff(200, 2.0);
            backOff.setMaxInterval(10_000);
            container.setCommonErrorHandler(new org.springframework.kafka.listener.DefaultErrorHandler(backOff));
        };
    }

    @Bean
    public RecalculationLog recalculationLog(JdbcClient jdbc, BatchedWrites writes) {
        return new RecalculationLog(jdbc, writes);
    }

    @Bean
    public Outbox outbox(JdbcClient jdbc, JsonMapper json, BatchedWrites writes) {
        return new Outbox(jdbc, json, writes);
    }

    /**
     * The projection's own topic, created at start with the platform's partition count (see the relay's topic):
     * keyed by institution too, so budget finds costing's figures on the partition numbers of its other inputs.
     */
    @Bean
    @ConditionalOnProperty("ppi.projection.topic")
    public org.apache.kafka.clients.admin.NewTopic projectionTopic(
            @org.springframework.beans.factory.annotation.Value("${ppi.projection.topic}") String topic,
            @org.springframework.beans.factory.annotation.Value("${ppi.kafka.partitions:3}") int partitions) {
        return org.springframework.kafka.config.TopicBuilder.name(topic).partitions(partitions).build();
    }

    @Bean
    @ConditionalOnProperty("ppi.projection.topic")
    public OutboxPublisher outboxPublisher(JdbcClient jdbc, org.springframework.kafka.core.KafkaTemplate<String, byte[]> kafka,
                                           org.springframework.core.env.Environment env, javax.sql.DataSource dataSource,
                                           TransactionTemplate tx) {
        // the dead letters' producer: the shared settings, with room for a record as large as the dead-letter topic takes
        org.springframework.kafka.core.KafkaTemplate<String, byte[]> deadLetterKafka = new org.springframework.kafka.core.KafkaTemplate<>(
                kafka.getProducerFactory(), java.util.Map.of(
                        org.apache.kafka.clients.producer.ProducerConfig.MAX_REQUEST_SIZE_CONFIG, deadLetterMaxBytes(env)));
        return new OutboxPublisher(jdbc, kafka, deadLetterKafka, env.getRequiredProperty("ppi.projection.topic"),
                env.getRequiredProperty("spring.application.name"),
                env.getProperty("ppi.projection.outbox-retention", java.time.Duration.class, java.time.Duration.ofDays(7)),
                env.getProperty("ppi.projection.outbox-purge-batch", Integer.class, 1000), postgres(dataSource) ? tx : null);
    }

    /** Only PostgreSQL has the advisory locks; the local H2 platform runs one instance of each service. */
    private static boolean postgres(javax.sql.DataSource dataSource) {
        try (java.sql.Connection connection = dataSource.getConnection()) {
            return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Cannot read the database's product name", e);
        }
    }

    @Bean
    @ConditionalOnBean(ReplayPlan.class)
    public ReplayService replayService(ReplayPlan plan, BindingsLifecycleController bindings, JdbcClient jdbc,
                                       TransactionTemplate tx, ConsumerOffsets offsets, KafkaAdmin admin, JsonMapper json,
                                       org.springframework.core.env.Environment env) {
        List<String> groups = plan.bindings().stream()
                .map(binding -> env.getProperty("spring.cloud.stream.bindings." + binding + ".group"))
                .filter(java.util.Objects::nonNull).distinct().toList();
        return new ReplayService(plan, bindings, jdbc, tx, offsets, admin, json, groups);
    }

    @Bean
    @ConditionalOnBean(ReplayPlan.class)
    public InstitutionReplay institutionReplay(ReplayPlan plan, ProjectionTransaction projection, EventLog eventLog,
                                               JdbcClient jdbc, TransactionTemplate tx, ReplayService replay) {
        return new InstitutionReplay(plan, projection, eventLog, jdbc, tx, replay);
    }

    @Bean
    @ConditionalOnBean(ReplayPlan.class)
    public ProjectionHealth projectionHealthIndicator(ReplayService replay,
                                                      @org.springframework.beans.factory.annotation.Value("${ppi.projection.behind-threshold:1000}") long threshold) {
        return new ProjectionHealth(replay, threshold);
    }
}
