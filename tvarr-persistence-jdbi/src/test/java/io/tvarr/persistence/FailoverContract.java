package io.tvarr.persistence;

import static io.tvarr.domain.TestData.aProxy;
import static org.assertj.core.api.Assertions.assertThat;

import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.failover.ChannelAlternates;
import io.tvarr.domain.failover.MergeBy;
import io.tvarr.domain.failover.ProxyFailover;
import io.tvarr.domain.failover.port.out.ProxyFailoverRepository;
import io.tvarr.domain.proxy.StreamProxy;
import io.tvarr.domain.source.SourceId;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** How every database stores proxies' failover settings. Subclasses only supply the database. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FailoverContract {
    private static final SourceId ACCOUNT = SourceId.random();

    private TestDatabase database;
    private JdbiPersistence store;
    private ProxyFailoverRepository failover;
    private StreamProxy proxy;

    abstract TestDatabase createDatabase();

    @BeforeAll
    void open_and_migrate() {
        database = createDatabase();
        store = database.persistence();
        store.migrate();
        failover = store.failover();
    }

    @AfterAll
    void drop() {
        if (database != null) {
            database.close();
        }
    }

    @BeforeEach
    void a_proxy() {
        proxy = aProxy("p-" + Math.abs(System.nanoTime() % 1_000_000));
        store.proxies().insert(proxy);
    }

    private static ChannelId channel(String key) {
        return ChannelId.of(ACCOUNT, key);
    }

    @Test
    void a_proxy_never_changed_merges_nothing_and_has_no_alternates() {
        assertThat(failover.find(proxy.id())).isEqualTo(ProxyFailover.NONE);
    }

    @Test
    void settings_come_back_as_saved_with_alternates_in_order() {
        ProxyFailover saved = new ProxyFailover(
                MergeBy.TVG_ID_OR_NAME,
                List.of(
                        new ChannelAlternates(channel("a"), List.of(channel("z"), channel("b"), channel("m"))),
                        new ChannelAlternates(channel("c"), List.of(channel("d")))));

        failover.save(proxy.id(), saved);

        ProxyFailover found = failover.find(proxy.id());
        assertThat(found.mergeBy()).isEqualTo(MergeBy.TVG_ID_OR_NAME);
        assertThat(found.manualAlternates(channel("a"))).containsExactly(channel("z"), channel("b"), channel("m"));
        assertThat(found.manualAlternates(channel("c"))).containsExactly(channel("d"));
    }

    @Test
    void saving_again_replaces_the_settings_as_a_whole() {
        failover.save(
                proxy.id(),
                new ProxyFailover(MergeBy.NAME, List.of(new ChannelAlternates(channel("a"), List.of(channel("b"))))));

        failover.save(proxy.id(), new ProxyFailover(MergeBy.TVG_ID, List.of()));

        assertThat(failover.find(proxy.id())).isEqualTo(new ProxyFailover(MergeBy.TVG_ID, List.of()));
    }

    @Test
    void deleting_the_proxy_deletes_its_settings() {
        failover.save(
                proxy.id(),
                new ProxyFailover(MergeBy.NAME, List.of(new ChannelAlternates(channel("a"), List.of(channel("b"))))));

        store.proxies().delete(proxy.id());

        assertThat(failover.find(proxy.id())).isEqualTo(ProxyFailover.NONE);
        long rows = store.database()
                .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM proxy_channel_alternate WHERE proxy_id = :proxy")
                        .bind("proxy", proxy.id().toString())
                        .mapTo(Long.class)
                        .one());
        assertThat(rows).isZero();
    }
}
