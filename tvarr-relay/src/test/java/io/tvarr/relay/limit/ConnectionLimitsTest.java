package io.tvarr.relay.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tvarr.domain.UnavailableException;
import io.tvarr.domain.relay.InMemoryConnectionLeases;
import io.tvarr.domain.relay.lease.SharedConnectionLimits;
import io.tvarr.domain.source.SourceId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ConnectionLimitsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);
    private static final SourceId SOURCE = SourceId.random();
    private static final String HOST = "provider.example";

    private final InMemoryConnectionLeases leases = new InMemoryConnectionLeases();
    private final java.util.List<SourceId> lost = new java.util.concurrent.CopyOnWriteArrayList<>();

    private final java.util.Map<String, SharedConnectionLimits> shared = new java.util.HashMap<>();

    private ConnectionLimits instance(String id) {
        return new ConnectionLimits(0, shared.computeIfAbsent(id, this::limits), lost::add);
    }

    private SharedConnectionLimits limits(String id) {
        return new SharedConnectionLimits(leases, id, Duration.ofSeconds(60), CLOCK);
    }

    @Nested
    class Across_instances {
        @Test
        void a_second_instance_is_refused_the_last_connection_of_a_source() {
            instance("a").acquire(SOURCE, "Provider", 1, HOST);
            ConnectionLimits b = instance("b");

            assertThatThrownBy(() -> b.acquire(SOURCE, "Provider", 1, HOST))
                    .isInstanceOf(UnavailableException.class)
                    .hasMessageContaining("across tvarr's instances (held by a)");
            assertThat(b.sourceUse()).isEmpty();
            assertThat(b.hostUse(HOST)).isZero();
        }

        @Test
        void releasing_gives_the_lease_back_to_every_instance() {
            ConnectionLimits a = instance("a");
            a.acquire(SOURCE, "Provider", 1, HOST);

            a.release(SOURCE, HOST);

            instance("b").acquire(SOURCE, "Provider", 1, HOST);
            assertThat(leases.rows)
                    .singleElement()
                    .satisfies(l -> assertThat(l.instance()).isEqualTo("b"));
        }

        @Test
        void the_instance_own_count_refuses_before_the_database_is_asked() {
            ConnectionLimits a = instance("a");
            a.acquire(SOURCE, "Provider", 1, HOST);
            leases.unreachable = true;

            assertThatThrownBy(() -> a.acquire(SOURCE, "Provider", 1, HOST))
                    .isInstanceOf(UnavailableException.class)
                    .hasMessage("source 'Provider' already uses 1 of its 1 allowed connection(s); stop another"
                            + " channel from it first");
        }

        @Test
        void a_source_without_a_limit_takes_no_lease() {
            instance("a").acquire(SOURCE, "Provider", 0, HOST);

            assertThat(leases.rows).isEmpty();
        }
    }

    @Nested
    class Lost_leases {
        @Test
        void a_lease_taken_over_by_another_instance_ends_one_connection_of_its_source() {
            ConnectionLimits a = instance("a");
            a.acquire(SOURCE, "Provider", 1, HOST);
            leases.takeOver("a", "b", CLOCK.instant().plusSeconds(600));

            shared.get("a").heartbeat();

            assertThat(lost).containsExactly(SOURCE);
        }

        @Test
        void the_connection_ended_gives_back_the_lost_lease_and_not_a_live_one() {
            ConnectionLimits a = instance("a");
            a.acquire(SOURCE, "Provider", 2, HOST);
            leases.takeOver("a", "b", CLOCK.instant().plusSeconds(600));
            a.acquire(SOURCE, "Provider", 2, HOST);
            shared.get("a").heartbeat(); // slot 0 is b's now, slot 1 a's: the first lease is lost

            a.release(SOURCE, HOST);

            assertThat(lost).containsExactly(SOURCE);
            assertThat(leases.rows).extracting(l -> l.instance()).containsExactlyInAnyOrder("a", "b");
        }
    }
}
