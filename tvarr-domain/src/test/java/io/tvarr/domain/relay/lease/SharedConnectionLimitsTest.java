package io.tvarr.domain.relay.lease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tvarr.domain.UnavailableException;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.account.OutputUserId;
import io.tvarr.domain.relay.ConnectionLease;
import io.tvarr.domain.relay.InMemoryConnectionLeases;
import io.tvarr.domain.relay.LeaseKey;
import io.tvarr.domain.source.SourceId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SharedConnectionLimitsTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Duration LEASE = Duration.ofSeconds(60);
    private static final SourceId SOURCE = SourceId.random();
    private static final LeaseKey USER = new LeaseKey("user:" + OutputUserId.random());

    private final InMemoryConnectionLeases leases = new InMemoryConnectionLeases();
    private final MovingClock clock = new MovingClock();
    private final List<String> ended = new ArrayList<>();

    private static final class MovingClock extends Clock {
        Instant now = T0;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private SharedConnectionLimits instance(String id) {
        return new SharedConnectionLimits(leases, id, LEASE, clock);
    }

    private HeldLease take(SharedConnectionLimits limits, int limit) {
        return limits.take(SOURCE, "Provider", limit, () -> ended.add("source"));
    }

    @Nested
    class Taking {
        @Test
        void a_free_connection_is_leased_for_the_lease_time() {
            ConnectionLease lease = take(instance("a"), 1).lease();

            assertThat(lease.instance()).isEqualTo("a");
            assertThat(lease.key()).isEqualTo(LeaseKey.source(SOURCE));
            assertThat(lease.expiresAt()).isEqualTo(T0.plus(LEASE));
        }

        @Test
        void the_refusal_names_the_source_its_limit_and_the_instances_holding_it() {
            take(instance("a"), 2);
            take(instance("b"), 2);

            assertThatThrownBy(() -> take(instance("c"), 2))
                    .isInstanceOf(UnavailableException.class)
                    .hasMessage("source 'Provider' already uses 2 of its 2 allowed connection(s) across tvarr's"
                            + " instances (held by a, b); stop another channel from it first");
        }

        @Test
        void an_unreachable_database_refuses_the_connection() {
            leases.unreachable = true;

            assertThatThrownBy(() -> take(instance("a"), 1))
                    .isInstanceOfSatisfying(
                            UnavailableException.class,
                            e -> assertThat(e.retryAfterSeconds()).isEqualTo(5))
                    .hasMessageStartingWith("source 'Provider': its connections across tvarr's instances cannot be"
                            + " counted (database: connection refused)");
        }

        @Test
        void a_source_without_a_limit_takes_no_lease() {
            assertThatThrownBy(() -> take(instance("a"), 0))
                    .isInstanceOf(ValidationException.class)
                    .hasMessageContaining("connection limit 0");
        }

        @Test
        void an_earlier_run_of_the_same_instance_id_holds_nothing_any_more() {
            take(instance("a"), 1);

            ConnectionLease again = take(instance("a"), 1).lease();

            assertThat(leases.rows).containsExactly(again);
        }

        @Test
        void a_key_other_than_a_source_has_its_own_slots_and_detail() {
            SharedConnectionLimits a = instance("a");
            take(a, 1);

            HeldLease stream =
                    a.tryTake(USER, "user 'alice'", 1, "detail", () -> {}).orElseThrow();

            assertThat(stream.lease().slot()).isZero();
            assertThat(stream.lease().detail()).isEqualTo("detail");
            assertThat(instance("b").tryTake(USER, "user 'alice'", 1, null, () -> {}))
                    .isEmpty();
            assertThat(a.holders(USER, "user 'alice'")).containsExactly("a");
        }
    }

    @Nested
    class Heartbeat {
        @Test
        void a_release_the_database_missed_is_made_at_the_next_heartbeat_before_renewing() {
            SharedConnectionLimits a = instance("a");
            HeldLease lease = take(a, 1);
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
            take(a, 2);
            take(a, 2);

            assertThat(a.heartbeat()).isEqualTo(2);
        }

        @Test
        void a_connection_held_until_a_time_is_given_back_once_it_passed() {
            SharedConnectionLimits a = instance("a");
            HeldLease redirect =
                    a.tryTake(USER, "user 'alice'", 1, null, () -> {}).orElseThrow();
            a.holdUntil(redirect, T0.plusSeconds(30));

            a.heartbeat();
            assertThat(leases.rows).hasSize(1);
            clock.now = T0.plusSeconds(30);
            a.heartbeat();

            assertThat(leases.rows).isEmpty();
            assertThat(ended).isEmpty();
        }
    }

    @Nested
    class Lost_leases {
        @Test
        void a_lease_another_instance_took_over_ends_its_connection_when_no_slot_is_free() {
            SharedConnectionLimits a = instance("a");
            HeldLease held = take(a, 1);
            leases.takeOver("a", "b", T0.plus(LEASE).plus(LEASE));

            a.heartbeat();

            assertThat(ended).containsExactly("source");
            assertThat(held.lost()).isTrue();
            assertThat(leases.rows)
                    .singleElement()
                    .satisfies(l -> assertThat(l.instance()).isEqualTo("b"));
        }

        @Test
        void a_lost_lease_is_taken_again_when_a_slot_is_free_and_its_connection_goes_on() {
            SharedConnectionLimits a = instance("a");
            HeldLease held = take(a, 2);
            leases.takeOver("a", "b", T0.plus(LEASE).plus(LEASE));

            a.heartbeat();

            assertThat(ended).isEmpty();
            assertThat(held.lost()).isFalse();
            assertThat(held.lease().instance()).isEqualTo("a");
            assertThat(held.lease().slot()).isEqualTo(1);
            assertThat(leases.findLive(LeaseKey.source(SOURCE), T0)).hasSize(2);
        }

        @Test
        void a_lost_lease_is_not_given_back_by_its_connection_ending_later() {
            SharedConnectionLimits a = instance("a");
            HeldLease held = take(a, 1);
            leases.takeOver("a", "b", T0.plus(LEASE).plus(LEASE));
            a.heartbeat();

            a.release(held);

            assertThat(leases.rows)
                    .singleElement()
                    .satisfies(l -> assertThat(l.instance()).isEqualTo("b"));
        }

        @Test
        void a_lease_released_before_the_check_is_not_ended_as_lost() {
            SharedConnectionLimits a = instance("a");
            HeldLease held = take(a, 1);
            a.release(held);

            a.heartbeat();

            assertThat(ended).isEmpty();
            assertThat(held.lost()).isFalse();
        }
    }
}
