package io.tvarr.domain.relay.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tvarr.domain.UnavailableException;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.relay.ConnectionLease;
import io.tvarr.domain.relay.InMemoryConnectionLeases;
import io.tvarr.domain.source.SourceId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SharedConnectionLimitsTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Duration LEASE = Duration.ofSeconds(60);
    private static final SourceId SOURCE = SourceId.random();

    private final InMemoryConnectionLeases leases = new InMemoryConnectionLeases();
    private final Clock clock = Clock.fixed(T0, ZoneOffset.UTC);

    private SharedConnectionLimits instance(String id) {
        return new SharedConnectionLimits(leases, id, LEASE, clock);
    }

    @Nested
    class Taking {
        @Test
        void a_free_connection_is_leased_for_the_lease_time() {
            ConnectionLease lease = instance("a").take(SOURCE, "Provider", 1);

            assertThat(lease.instance()).isEqualTo("a");
            assertThat(lease.expiresAt()).isEqualTo(T0.plus(LEASE));
        }

        @Test
        void the_refusal_names_the_source_its_limit_and_the_instances_holding_it() {
            instance("a").take(SOURCE, "Provider", 2);
            instance("b").take(SOURCE, "Provider", 2);

            assertThatThrownBy(() -> instance("c").take(SOURCE, "Provider", 2))
                    .isInstanceOf(UnavailableException.class)
                    .hasMessage("source 'Provider' already uses 2 of its 2 allowed connection(s) across tvarr's"
                            + " instances (held by a, b); stop another channel from it first");
        }

        @Test
        void an_unreachable_database_refuses_the_connection() {
            leases.unreachable = true;

            assertThatThrownBy(() -> instance("a").take(SOURCE, "Provider", 1))
                    .isInstanceOfSatisfying(
                            UnavailableException.class,
                            e -> assertThat(e.retryAfterSeconds()).isEqualTo(5))
                    .hasMessageStartingWith("source 'Provider': its connections across tvarr's instances cannot be"
                            + " counted (database: connection refused)");
        }

        @Test
        void a_source_without_a_limit_takes_no_lease() {
            assertThatThrownBy(() -> instance("a").take(SOURCE, "Provider", 0))
                    .isInstanceOf(ValidationException.class)
                    .hasMessageContaining("connection limit 0");
        }

        @Test
        void an_earlier_run_of_the_same_instance_id_holds_nothing_any_more() {
            instance("a").take(SOURCE, "Provider", 1);

            ConnectionLease again = instance("a").take(SOURCE, "Provider", 1);

            assertThat(leases.rows).containsExactly(again);
        }
    }

    @Nested
    class Heartbeat {
        @Test
        void a_release_the_database_missed_is_made_at_the_next_heartbeat_before_renewing() {
            SharedConnectionLimits a = instance("a");
            ConnectionLease lease = a.take(SOURCE, "Provider", 1);
            leases.unreachable = true;
            a.release(lease);
            leases.unreachable = false;

            int renewed = a.heartbeat();

            assertThat(renewed).isZero();
            assertThat(leases.rows).isEmpty();
        }

        @Test
        void renews_every_lease_of_the_instance() {
            SharedConnectionLimits a = instance("a");
            a.take(SOURCE, "Provider", 2);
            a.take(SOURCE, "Provider", 2);

            assertThat(a.heartbeat()).isEqualTo(2);
        }
    }
}
