package io.tvarr.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.tvarr.domain.account.OutputUserId;
import io.tvarr.domain.proxy.ProxyId;
import io.tvarr.domain.relay.ConnectionLease;
import io.tvarr.domain.relay.LeaseKey;
import io.tvarr.domain.relay.port.out.ConnectionLeaseRepository;
import io.tvarr.domain.source.SourceId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * How every database keeps a source's provider connections within its limit across instances: three lease stores
 * (three instances, each its own pool) race for the slots of a source. Subclasses only supply the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ConnectionLeaseContract {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Duration LEASE = Duration.ofSeconds(60);
    private static final List<String> INSTANCES = List.of("instance-1", "instance-2", "instance-3");

    private TestDatabase database;
    private final List<JdbiPersistence> pools = new ArrayList<>();
    private final List<ConnectionLeaseRepository> stores = new ArrayList<>();

    abstract TestDatabase createDatabase();

    @BeforeAll
    void three_instances_on_one_database() {
        database = createDatabase();
        database.persistence().migrate();
        for (int i = 0; i < INSTANCES.size(); i++) {
            JdbiPersistence pool = JdbiPersistence.open(new DatabaseSettings(database.url(), null, null, 4, 7, 11, 5));
            pools.add(pool);
            stores.add(pool.connectionLeases());
        }
    }

    @AfterAll
    void close() {
        pools.forEach(JdbiPersistence::close);
        if (database != null) {
            database.close();
        }
    }

    private Optional<ConnectionLease> claim(int instance, LeaseKey key, int limit, Instant now) {
        return claim(instance, key, limit, null, now);
    }

    private Optional<ConnectionLease> claim(int instance, LeaseKey key, int limit, String detail, Instant now) {
        ConnectionLease wanted = new ConnectionLease(
                key, 0, INSTANCES.get(instance), "holder-" + System.nanoTime(), detail, now.plus(LEASE));
        return stores.get(instance).claim(wanted, limit, now);
    }

    private static LeaseKey aSource() {
        return LeaseKey.source(SourceId.random());
    }

    @Nested
    class Claiming {
        @Test
        void three_instances_racing_for_a_one_connection_source_get_it_once() throws Exception {
            LeaseKey source = aSource();
            ExecutorService racers = Executors.newFixedThreadPool(INSTANCES.size());
            try {
                for (int round = 0; round < 10; round++) {
                    CountDownLatch start = new CountDownLatch(1);
                    List<Future<Optional<ConnectionLease>>> claims = new ArrayList<>();
                    for (int i = 0; i < INSTANCES.size(); i++) {
                        int instance = i;
                        claims.add(racers.submit(() -> {
                            start.await();
                            return claim(instance, source, 1, T0);
                        }));
                    }
                    start.countDown();
                    List<ConnectionLease> won = new ArrayList<>();
                    for (Future<Optional<ConnectionLease>> claim : claims) {
                        claim.get(30, TimeUnit.SECONDS).ifPresent(won::add);
                    }

                    assertThat(won).hasSize(1);
                    assertThat(stores.get(0).findLive(source, T0)).containsExactlyElementsOf(won);
                    assertThat(stores.get(1).release(won.get(0))).isTrue();
                }
            } finally {
                racers.shutdownNow();
            }
        }

        @Test
        void a_source_of_two_connections_gives_slots_0_and_1_and_then_refuses() {
            LeaseKey source = aSource();

            ConnectionLease first = claim(0, source, 2, T0).orElseThrow();
            ConnectionLease second = claim(1, source, 2, T0).orElseThrow();
            Optional<ConnectionLease> third = claim(2, source, 2, T0);

            assertThat(first.slot()).isZero();
            assertThat(first.instance()).isEqualTo("instance-1");
            assertThat(second.slot()).isEqualTo(1);
            assertThat(second.instance()).isEqualTo("instance-2");
            assertThat(third).isEmpty();
        }

        @Test
        void a_released_slot_is_free_again() {
            LeaseKey source = aSource();
            ConnectionLease held = claim(0, source, 1, T0).orElseThrow();

            assertThat(stores.get(0).release(held)).isTrue();

            assertThat(claim(1, source, 1, T0))
                    .hasValueSatisfying(l -> assertThat(l.slot()).isZero());
        }

        @Test
        void leases_above_a_lowered_limit_still_count_until_released() {
            LeaseKey source = aSource();
            claim(0, source, 2, T0).orElseThrow();
            ConnectionLease upper = claim(1, source, 2, T0).orElseThrow();
            stores.get(0).release(stores.get(0).findLive(source, T0).get(0));

            assertThat(claim(2, source, 1, T0)).isEmpty();
            stores.get(1).release(upper);
            assertThat(claim(2, source, 1, T0)).isPresent();
        }

        @Test
        void sources_do_not_share_slots() {
            assertThat(claim(0, aSource(), 1, T0)).isPresent();
            assertThat(claim(1, aSource(), 1, T0)).isPresent();
        }
    }

    @Nested
    class Expiry {
        @Test
        void an_expired_lease_is_taken_over_by_another_instance() {
            LeaseKey source = aSource();
            ConnectionLease stopped = claim(0, source, 1, T0).orElseThrow();

            Instant later = stopped.expiresAt().plusMillis(1);
            Optional<ConnectionLease> takenOver = claim(1, source, 1, later);

            assertThat(takenOver).hasValueSatisfying(l -> {
                assertThat(l.slot()).isZero();
                assertThat(l.instance()).isEqualTo("instance-2");
            });
            assertThat(stores.get(0).findLive(source, later)).containsExactly(takenOver.get());
        }

        @Test
        void a_lease_taken_over_is_not_released_nor_renewed_by_the_instance_that_lost_it() {
            LeaseKey source = aSource();
            ConnectionLease lost = claim(2, source, 1, T0).orElseThrow();
            Instant later = lost.expiresAt().plusMillis(1);
            ConnectionLease takenOver = claim(1, source, 1, later).orElseThrow();

            assertThat(stores.get(2).release(lost)).isFalse();
            stores.get(2).renewAll("instance-3", later.plus(Duration.ofHours(1)));

            assertThat(stores.get(0).findLive(source, later)).containsExactly(takenOver);
        }

        @Test
        void a_live_lease_is_not_taken_over() {
            LeaseKey source = aSource();
            ConnectionLease held = claim(0, source, 1, T0).orElseThrow();

            assertThat(claim(1, source, 1, held.expiresAt().minusMillis(1))).isEmpty();
        }
    }

    @Nested
    class Heartbeat {
        @Test
        void renewing_extends_every_lease_of_the_instance_and_no_other() {
            LeaseKey one = aSource();
            LeaseKey two = aSource();
            LeaseKey other = aSource();
            claim(1, one, 1, T0).orElseThrow();
            claim(1, two, 1, T0).orElseThrow();
            ConnectionLease others = claim(0, other, 1, T0).orElseThrow();

            Instant renewedUntil = T0.plus(LEASE).plus(LEASE);
            int renewed = stores.get(1).renewAll("instance-2", renewedUntil);

            Instant afterFirstLease = T0.plus(LEASE).plusMillis(1);
            assertThat(renewed).isGreaterThanOrEqualTo(2);
            assertThat(stores.get(0).findLive(one, afterFirstLease))
                    .singleElement()
                    .satisfies(l -> assertThat(l.expiresAt()).isEqualTo(renewedUntil));
            assertThat(claim(2, two, 1, afterFirstLease)).isEmpty();
            assertThat(claim(2, other, 1, afterFirstLease))
                    .hasValueSatisfying(l -> assertThat(l.slot()).isEqualTo(others.slot()));
        }

        @Test
        void the_holders_of_an_instance_are_its_leases_and_not_those_taken_over_from_it() {
            ConnectionLease kept = claim(2, aSource(), 1, T0).orElseThrow();
            ConnectionLease lost = claim(2, aSource(), 1, T0).orElseThrow();
            Instant later = lost.expiresAt().plusMillis(1);
            ConnectionLease takenOver = claim(0, lost.key(), 1, later).orElseThrow();

            List<String> holders = stores.get(1).findHolders("instance-3");

            assertThat(holders).contains(kept.holder()).doesNotContain(lost.holder(), takenOver.holder());
        }

        @Test
        void a_new_run_of_an_instance_drops_the_leases_of_its_earlier_run() {
            LeaseKey source = aSource();
            claim(2, source, 1, T0).orElseThrow();

            assertThat(stores.get(2).releaseAll("instance-3")).isGreaterThanOrEqualTo(1);

            assertThat(claim(0, source, 1, T0)).isPresent();
        }
    }

    @Nested
    class Keys {
        @Test
        void an_output_users_and_a_tuner_devices_slots_are_their_own_and_keep_their_detail() {
            LeaseKey user = new LeaseKey("user:" + OutputUserId.random());
            LeaseKey tuners = new LeaseKey("tuner:" + ProxyId.random());

            ConnectionLease stream = claim(0, user, 1, T0).orElseThrow();
            ConnectionLease tuner =
                    claim(1, tuners, 2, "3f0c2a channel 10.0.0.7", T0).orElseThrow();

            assertThat(claim(2, user, 1, T0)).isEmpty();
            assertThat(stores.get(2).findLive(user, T0)).containsExactly(stream);
            assertThat(stores.get(2).findLive(tuners, T0))
                    .singleElement()
                    .satisfies(l -> assertThat(l.detail()).isEqualTo("3f0c2a channel 10.0.0.7"));
            assertThat(tuner.slot()).isZero();
        }

        @Test
        void a_taken_over_lease_carries_the_new_holders_detail() {
            LeaseKey tuners = new LeaseKey("tuner:" + ProxyId.random());
            ConnectionLease stopped = claim(0, tuners, 1, "one 10.0.0.1", T0).orElseThrow();
            Instant later = stopped.expiresAt().plusMillis(1);

            claim(1, tuners, 1, "two 10.0.0.2", later).orElseThrow();

            assertThat(stores.get(2).findLive(tuners, later))
                    .singleElement()
                    .satisfies(l -> assertThat(l.detail()).isEqualTo("two 10.0.0.2"));
        }

        @Test
        void a_key_of_the_longest_length_is_stored() {
            LeaseKey longest = new LeaseKey("k".repeat(LeaseKey.MAX_LENGTH));

            assertThat(claim(0, longest, 1, T0)).isPresent();
            assertThat(stores.get(1).findLive(longest, T0)).hasSize(1);
        }
    }
}
