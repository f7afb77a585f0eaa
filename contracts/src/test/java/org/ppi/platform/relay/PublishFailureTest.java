package org.ppi.platform.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutionException;

import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.KafkaException;

class PublishFailureTest {
    @Test
    void aRecordTooLargeBelongsToTheEventAndIsParkedWithItsReason() {
        PublishFailure failure = PublishFailure.of(new ExecutionException(new KafkaException("Send failed",
                new RecordTooLargeException("The message is 2097916 bytes when serialized"))));
        assertThat(failure.transientFailure()).isFalse();
        assertThat(failure.reason()).isEqualTo("RecordTooLargeException: The message is 2097916 bytes when serialized");
    }

    @Test
    void aBrokerAwayOrALeaderMovingIsWaitedFor() {
        assertThat(PublishFailure.of(new KafkaException("Send failed", new TimeoutException("metadata"))).transientFailure())
                .isTrue();
        assertThat(PublishFailure.of(new ExecutionException(new NotLeaderOrFollowerException("moved"))).transientFailure())
                .isTrue();
        assertThat(PublishFailure.of(new java.util.concurrent.TimeoutException()).transientFailure()).isTrue();
    }

    @Test
    void anEventThatCannotBeWrittenIsItsOwnFault() {
        assertThat(PublishFailure.of(new IllegalArgumentException("no type registered")).transientFailure()).isFalse();
    }
}
