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
        // An id has at most 100 characters of its form (Ids); the 200 of TextLimits.ID say which message a longer one gets.
        assertThatCode(() -> TextLimits.check(new RegisterThing("x".repeat(100), "n".repeat(TextLimits.NAME),
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

    @Test
    void anIdOfAnotherFormIsRefusedBeforeAnythingLooksItUp() {
        for (String id : List.of("a b", "c\u0000", "x".repeat(101), "inst~c1", "../c1", "c1;drop")) {
            DomainRejection e = catchThrowableOfType(DomainRejection.class, () -> TextLimits.checkRequest(new RegisterThing(id, "ok", null)));
            assertThat(e).as(id).isNotNull();
            assertThat(e.code()).as(id).isEqualTo("request.invalid-id");
            assertThat(e.field()).isEqualTo("thingId");
        }
        assertThatCode(() -> TextLimits.checkRequest(new RegisterThing("demo-defensoria.C01", "ok", null))).doesNotThrowAnyException();
    }

    @Test
    void controlCharactersAreRefusedWithTheirCodeAndPosition() {
        DomainRejection nul = catchThrowableOfType(DomainRejection.class,
                () -> TextLimits.checkRequest(new RegisterThing("t1", "Centro\u0000", null)));
        assertThat(nul.code()).isEqualTo("text.control-character");
        assertThat(nul.args()).containsExactly("name", "U+0000", 7);
        DomainRejection lone = catchThrowableOfType(DomainRejection.class,
                () -> TextLimits.check(new RegisterThing("t1", "ok", new Features("a\uD83C", List.of()))));
        assertThat(lone.field()).isEqualTo("description");
        assertThatCode(() -> TextLimits.checkRequest(new RegisterThing("t1", "Línea 1\r\n\tLínea 2 🏛️ ‮", null)))
                .as("tabs, line breaks, emoji and bidi marks are text").doesNotThrowAnyException();
    }

    @Test
    void aRequestBodyIsNotHeldToTheCommandsListSizes() {
        assertThatCode(() -> TextLimits.checkRequest(new RegisterThing("t1", "ok", new Features("ok",
                Collections.nCopies(TextLimits.ITEMS + 1, "p"))))).doesNotThrowAnyException();
        assertThat(catchThrowableOfType(DomainRejection.class, () -> TextLimits.checkRequest(List.of(
                new RegisterThing("t1", "ok", null), new RegisterThing("t 2", "ok", null)))).field()).isEqualTo("thingId");
    }
}
