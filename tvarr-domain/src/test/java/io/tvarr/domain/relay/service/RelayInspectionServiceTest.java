package io.tvarr.domain.relay.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tvarr.domain.NotFoundException;
import io.tvarr.domain.relay.ClientInfo;
import io.tvarr.domain.relay.FailoverStreams;
import io.tvarr.domain.relay.RelaySessionInfo;
import io.tvarr.domain.relay.StreamSubscription;
import io.tvarr.domain.relay.UpstreamHealth;
import io.tvarr.domain.relay.port.out.StreamRelay;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RelayInspectionServiceTest {
    private final RelayInspectionService inspection = new RelayInspectionService(new OneSessionRelay());

    @Test
    void stopping_a_running_session_succeeds() {
        inspection.stop("s1");
    }

    @Test
    void stopping_an_unknown_session_is_not_found() {
        assertThatThrownBy(() -> inspection.stop("nope"))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("relay session nope: not found");
    }

    @Test
    void upstreams_carry_the_hosts_and_the_connections_per_source() {
        assertThat(inspection.upstreams().hosts()).containsExactly(new UpstreamHealth("provider.example", "closed", 1));
        assertThat(inspection.upstreams().sourceConnections()).containsExactlyEntriesOf(Map.of("source-1", 1));
    }

    /** A relay with one session, s1, on one host. */
    private static final class OneSessionRelay implements StreamRelay {
        @Override
        public StreamSubscription subscribe(FailoverStreams streams, ClientInfo client) {
            throw new UnsupportedOperationException("not used here");
        }

        @Override
        public List<RelaySessionInfo> sessions() {
            return List.of();
        }

        @Override
        public boolean stop(String sessionId) {
            return "s1".equals(sessionId);
        }

        @Override
        public List<UpstreamHealth> upstreams() {
            return List.of(new UpstreamHealth("provider.example", "closed", 1));
        }

        @Override
        public Map<String, Integer> sourceUse() {
            return Map.of("source-1", 1);
        }
    }
}
