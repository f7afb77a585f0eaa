package org.ppi.platform.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Bounded memory: idle institutions are dropped past the capacity and loaded again when used; pending work never is. */
class LedgersTest {

    @Test
    void theLeastRecentlyUsedIdleLedgersAreDroppedAndLoadedAgainButNeverOneWithPendingWork() {
        List<String> loads = new ArrayList<>();
        Ledgers<String, String> ledgers = new Ledgers<>(id -> {
            loads.add(id);
            return new Ledgers.Ledger<>(id, "figures of " + id);
        }, 10);
        ledgers.get("busy").pending("folded, not settled");
        for (int i = 0; i < 30; i++) {
            ledgers.get("i" + i);
        }
        assertThat(ledgers.size()).as("bounded near the capacity").isLessThanOrEqualTo(11);
        assertThat(ledgers.evictions()).isPositive();
        assertThat(ledgers.get("busy").<String>pending()).as("pending work is never dropped").isEqualTo("folded, not settled");
        assertThat(loads).containsOnlyOnce("busy");

        ledgers.get("i29");
        assertThat(loads).as("a recently used one stays").containsOnlyOnce("i29");
        ledgers.get("i0");
        assertThat(loads.stream().filter("i0"::equals).count()).as("a dropped one is loaded again").isEqualTo(2);
    }

    @Test
    void underTheCapacityNothingIsDropped() {
        Ledgers<String, String> ledgers = new Ledgers<>(id -> new Ledgers.Ledger<>(id, id), 100);
        for (int i = 0; i < 100; i++) {
            ledgers.get("i" + i);
        }
        assertThat(ledgers.size()).isEqualTo(100);
        assertThat(ledgers.evictions()).isZero();
    }

    @Test
    void pastTheHeapShareLoadingAnInstitutionDropsTheLeastRecentlyUsedTenthOfTheIdleOnes() {
        long[] heap = {0};
        Ledgers<String, String> ledgers = new Ledgers<>(id -> new Ledgers.Ledger<>(id, id), 1000, () -> heap[0], 100);
        for (int i = 0; i < 50; i++) {
            ledgers.get("i" + i);
        }
        ledgers.get("i0"); // used again: the most recent now
        ledgers.get("busy").pending("folded, not settled");
        assertThat(ledgers.evictions()).as("under the limit nothing goes").isZero();

        heap[0] = 101;
        ledgers.get("i0"); // in memory already: no load, nothing dropped
        assertThat(ledgers.evictions()).isZero();
        ledgers.get("new");
        assertThat(ledgers.evictions()).as("a tenth of 52").isEqualTo(5);
        assertThat(ledgers.institutions()).contains("i0", "busy", "new").doesNotContain("i1", "i5").contains("i6");
    }
}
