package org.ppi.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;

import org.junit.jupiter.api.Test;

class MetricsScrapersTest {

    @Test
    void aRangeHoldsItsOwnAddressesAndNoOthers() throws Exception {
        MetricsScrapers.Range metrics = MetricsScrapers.Range.of("172.31.250.0/24");
        assertThat(metrics.contains(InetAddress.getByName("172.31.250.7"))).isTrue();
        assertThat(metrics.contains(InetAddress.getByName("172.31.251.7"))).as("the next /24").isFalse();
        assertThat(metrics.contains(InetAddress.getByName("172.18.0.1"))).as("docker's NAT for a published port").isFalse();
        assertThat(metrics.contains(InetAddress.getByName("::1"))).as("another family").isFalse();
        assertThat(MetricsScrapers.Range.of("::1/128").contains(InetAddress.getByName("::1"))).isTrue();
        assertThat(MetricsScrapers.Range.of("127.0.0.1").contains(InetAddress.getByName("127.0.0.2"))).isFalse();
    }

    @Test
    void aRangeThatIsNotOneStopsTheStart() {
        assertThatThrownBy(() -> MetricsScrapers.Range.of("not an address/8")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("scrape-from");
    }
}
