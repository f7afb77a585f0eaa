package org.ppi.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

class TextLimitsTest {
    record Features(String description, List<String> processSteps) {
    }

    record RegisterThing(String thingId, String name, Features features) {
    }

    @Test
    void textsAtTheirLimitPass() {
        assertThatCode(() -> TextLimits.check(new RegisterThing("x".repeat(TextLimits.ID), "n".repeat(TextLimits.NAME),
                new Features("d".repeat(TextLimits.TEXT), Collections.nCopies(TextLimits.ITEMS, "paso")))))
                .doesNotThrowAnyException();
    }

    @Test
    void aNameOneCharacterTooLongIsRefusedNamingTheField() {
        DomainRejection e = catchThrowableOfType(DomainRejection.class,
                () -> TextLimits.check(new RegisterThing("t1", "n".repeat(TextLimits.NAME + 1), null)));
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.code()).isEqualTo("text.too-long");
        assertThat(e.field()).isEqualTo("name");
        assertThat(e.args()).containsExactly("name", TextLimits.NAME, TextLimits.NAME + 1);
    }

    @Test
    void nestedTextsAndListItemsAreCheckedWithTheirOwnNames() {
        DomainRejection description = catchThrowableOfType(DomainRejection.class, () -> TextLimits.check(
                new RegisterThing("t1", "ok", new Features("d".repeat(TextLimits.TEXT + 1), List.of()))));
        assertThat(description.field()).isEqualTo("description");
        DomainRejection step = catchThrowableOfType(DomainRejection.class, () -> TextLimits.check(
                new RegisterThing("t1", "ok", new Features("ok", List.of("a", "b", "s".repeat(TextLimits.TEXT + 1))))));
        assertThat(step.field()).isEqualTo("processSteps[2]");
        DomainRejection items = catchThrowableOfType(DomainRejection.class, () -> TextLimits.check(
                new RegisterThing("t1", "ok", new Features("ok", Collections.nCopies(TextLimits.ITEMS + 1, "p")))));
        assertThat(items.code()).isEqualTo("list.too-long");
        assertThat(items.field()).isEqualTo("processSteps");
    }

    @Test
    void identifiersHaveTheirOwnLimit() {
        DomainRejection e = catchThrowableOfType(DomainRejection.class,
                () -> TextLimits.check(new RegisterThing("x".repeat(TextLimits.ID + 1), "ok", null)));
        assertThat(e.field()).isEqualTo("thingId");
        assertThat(e.args()[1]).isEqualTo(TextLimits.ID);
    }
}
