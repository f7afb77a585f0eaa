package org.ppi.platform.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScopedIdTest {

    @Test
    void theSameClientIdInTwoInstitutionsIsTwoIdentifiers() {
        assertThat(ScopedId.of("demo-defensoria", "demo-defensoria.P001")).isEqualTo("demo-defensoria~demo-defensoria.P001");
        assertThat(ScopedId.of("inst-a", "P001")).isNotEqualTo(ScopedId.of("inst-b", "P001"));
        // Without a separator neither part may contain, "a" + "b.c" and "a.b" + "c" would collide.
        assertThat(ScopedId.of("a", "b.c")).isNotEqualTo(ScopedId.of("a.b", "c"));
    }

    @Test
    void givesBackTheClientsId() {
        assertThat(ScopedId.idOf(ScopedId.of("inst-a", "P:001"))).isEqualTo("P:001");
        assertThat(ScopedId.idOf("inst-a")).as("the tenant's own stream").isEqualTo("inst-a");
        assertThat(ScopedId.idOf(null)).isNull();
    }

    @Test
    void refusesPartsThatWouldMakeItAmbiguous() {
        assertThatThrownBy(() -> ScopedId.of("inst~a", "P1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("institution");
        assertThatThrownBy(() -> ScopedId.of("inst-a", "x~P1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("id");
        assertThatThrownBy(() -> ScopedId.of(null, "P1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ScopedId.of("inst-a", "")).isInstanceOf(IllegalArgumentException.class);
    }
}
