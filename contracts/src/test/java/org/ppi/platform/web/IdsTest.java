package org.ppi.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.ppi.platform.tenancy.ScopedId;

class IdsTest {

    @Test
    void acceptsTheDemosIds() {
        assertThat(Ids.require("demo-defensoria.P001", "id")).isEqualTo("demo-defensoria.P001");
        assertThat(Ids.require("s:e_1", "id")).isEqualTo("s:e_1");
    }

    /** A client id never holds the separator of the event store's identifiers: 400 naming the field. */
    @Test
    void refusesTheScopedIdSeparator() {
        DomainRejection rejection = catchThrowableOfType(DomainRejection.class,
                () -> Ids.require("demo" + ScopedId.SEPARATOR + "P001", "centerId"));
        assertThat(rejection.status()).isEqualTo(400);
        assertThat(rejection.code()).isEqualTo("request.invalid-id");
        assertThat(rejection.field()).isEqualTo("centerId");
        assertThat(catchThrowableOfType(DomainRejection.class, () -> Ids.orNew("a~b", "id")).code())
                .isEqualTo("request.invalid-id");
    }
}
