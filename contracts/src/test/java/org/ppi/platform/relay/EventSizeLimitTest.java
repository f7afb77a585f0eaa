package org.ppi.platform.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.ppi.platform.web.DomainRejection;
import tools.jackson.databind.json.JsonMapper;

class EventSizeLimitTest {
    record Described(String text) {
    }

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void anEventThatFitsTheTopicPassesAndOneThatDoesNotIsRefusedWithBothSizes() {
        EventSizeLimit check = new EventSizeLimit(json, () -> 10_000);
        EventMessage<?> fits = GenericEventMessage.asEventMessage(new Described("x".repeat(7_000)))
                .andMetaData(MetaData.with("tenantId", "inst-a"));
        assertThat(check.handle(List.of(fits)).apply(0, fits)).isSameAs(fits);

        EventMessage<?> tooLarge = GenericEventMessage.asEventMessage(new Described("x".repeat(9_000)));
        DomainRejection e = catchThrowableOfType(DomainRejection.class, () -> check.handle(List.of(tooLarge)).apply(0, tooLarge));
        assertThat(e.status()).isEqualTo(413);
        assertThat(e.code()).isEqualTo("event.too-large");
        int size = (int) e.args()[0];
        assertThat(size).isGreaterThan(9_000 + EventSizeLimit.ENVELOPE_BYTES).isLessThan(9_100 + EventSizeLimit.ENVELOPE_BYTES);
        assertThat(e.args()[1]).isEqualTo(10_000);
    }
}
