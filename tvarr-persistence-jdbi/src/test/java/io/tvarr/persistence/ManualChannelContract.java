package io.tvarr.persistence;

import static io.tvarr.domain.TestData.T0;
import static io.tvarr.domain.TestData.aProxy;
import static org.assertj.core.api.Assertions.assertThat;

import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.proxy.ManualChannel;
import io.tvarr.domain.proxy.StreamProxy;
import io.tvarr.domain.proxy.port.out.ManualChannelRepository;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * How every database keeps the channels users add by hand to a proxy. Subclasses only supply the database; apart
 * from {@link PersistenceContract} so the table has its own fresh database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ManualChannelContract {
    private TestDatabase database;
    private JdbiPersistence store;
    private ManualChannelRepository manual;
    private StreamProxy proxy;

    abstract TestDatabase createDatabase();

    @BeforeAll
    void open_and_migrate() {
        database = createDatabase();
        store = database.persistence();
        store.migrate();
        manual = store.manualChannels();
    }

    @AfterAll
    void drop() {
        if (database != null) {
            database.close();
        }
    }

    @BeforeEach
    void a_proxy() {
        store.database().withHandle(h -> {
            List.of("manual_channel", "proxy_source", "stream_proxy").forEach(t -> h.execute("DELETE FROM " + t));
            return null;
        });
        proxy = aProxy("living-room");
        store.proxies().insert(proxy);
    }

    private ManualChannel channel(String name, int position) {
        return new ManualChannel(
                new ChannelId(UUID.randomUUID()),
                proxy.id(),
                name,
                "https://cdn.example/" + position + ".m3u8?token=é",
                "news.uk",
                "https://logo.example/é.png",
                "Nöws",
                9_999_999,
                "news.guide",
                position,
                T0);
    }

    @Test
    void a_channel_reads_back_as_saved() {
        ManualChannel full = channel("Ünë News", 0);
        ManualChannel bare = new ManualChannel(
                new ChannelId(UUID.randomUUID()),
                proxy.id(),
                "Bare",
                "http://a.example/x",
                null,
                null,
                null,
                null,
                null,
                1,
                T0);

        manual.saveAll(List.of(full, bare));

        assertThat(manual.find(proxy.id(), full.id())).contains(full);
        assertThat(manual.find(proxy.id(), bare.id())).contains(bare);
    }

    @Test
    void channels_are_listed_in_their_order() {
        ManualChannel second = channel("B", 1);
        ManualChannel first = channel("A", 0);
        manual.saveAll(List.of(second, first));

        assertThat(manual.findAllByProxy(proxy.id())).containsExactly(first, second);
    }

    @Test
    void saving_again_replaces_the_channel_by_id() {
        ManualChannel one = channel("One", 0);
        manual.saveAll(List.of(one));
        ManualChannel renamed = one.withValuesOf(channel("Renamed", 5), T0.plusSeconds(1));

        manual.saveAll(List.of(renamed));

        assertThat(manual.findAllByProxy(proxy.id())).containsExactly(renamed);
        assertThat(renamed.position()).isZero();
    }

    @Test
    void deleting_the_proxy_deletes_its_channels() {
        manual.saveAll(List.of(channel("One", 0)));

        store.proxies().delete(proxy.id());

        assertThat(manual.findAllByProxy(proxy.id())).isEmpty();
    }

    @Test
    void delete_answers_whether_there_was_one_and_only_within_its_proxy() {
        ManualChannel one = channel("One", 0);
        manual.saveAll(List.of(one));
        StreamProxy other = aProxy("bedroom");
        store.proxies().insert(other);

        assertThat(manual.delete(other.id(), one.id())).isFalse();
        assertThat(manual.find(other.id(), one.id())).isEmpty();
        assertThat(manual.delete(proxy.id(), one.id())).isTrue();
        assertThat(manual.delete(proxy.id(), one.id())).isFalse();
    }
}
