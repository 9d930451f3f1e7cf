package io.tvarr.persistence;

import static io.tvarr.domain.TestData.T0;
import static io.tvarr.domain.TestData.aChannel;
import static io.tvarr.domain.TestData.aProxy;
import static io.tvarr.domain.TestData.anM3uSource;
import static org.assertj.core.api.Assertions.assertThat;

import io.tvarr.domain.channel.Channel;
import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.channel.ChannelKey;
import io.tvarr.domain.proxy.ChannelOverride;
import io.tvarr.domain.proxy.StreamProxy;
import io.tvarr.domain.proxy.port.out.ChannelOverrideRepository;
import io.tvarr.domain.source.StreamSource;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * How every database keeps per-proxy channel overrides. Subclasses only supply the database; apart from {@link
 * PersistenceContract} so the table has its own fresh database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ChannelOverrideContract {
    private TestDatabase database;
    private JdbiPersistence store;
    private ChannelOverrideRepository overrides;
    private StreamSource source;
    private StreamProxy proxy;
    private Channel channel;

    abstract TestDatabase createDatabase();

    @BeforeAll
    void open_and_migrate() {
        database = createDatabase();
        store = database.persistence();
        store.migrate();
        overrides = store.channelOverrides();
    }

    @AfterAll
    void drop() {
        if (database != null) {
            database.close();
        }
    }

    @BeforeEach
    void a_proxy_with_one_channel() {
        store.database().withHandle(h -> {
            List.of("channel_override", "proxy_source", "stream_proxy", "channel", "stream_source")
                    .forEach(t -> h.execute("DELETE FROM " + t));
            return null;
        });
        source = anM3uSource("provider");
        store.streamSources().insert(source);
        proxy = aProxy("living-room", source.id());
        store.proxies().insert(proxy);
        channel = aChannel()
                .from(source.id())
                .withKey("m3u:|/one.ts")
                .named("One")
                .build();
        store.channels().replaceAllForSource(source.id(), sink -> sink.accept(channel));
    }

    private ChannelOverride override(ChannelId id, String name, Integer number, boolean hidden) {
        return new ChannelOverride(
                proxy.id(), id, name, number, "Films", "https://logo.example/é.png", "one.uk", hidden, T0);
    }

    @Test
    void an_override_reads_back_as_saved_with_unset_fields_null() {
        ChannelOverride bare = new ChannelOverride(proxy.id(), channel.id(), null, null, null, null, null, true, T0);
        overrides.save(bare);

        assertThat(overrides.find(proxy.id(), channel.id())).contains(bare);
    }

    @Test
    void an_override_keeps_its_channel_key_also_once_the_channel_is_gone() {
        ChannelOverride keyed = new ChannelOverride(
                proxy.id(), channel.id(), "Mine", null, null, null, null, false, T0, ChannelKey.of(channel));
        overrides.save(keyed);

        store.channels().replaceAllForSource(source.id(), sink -> {});

        assertThat(overrides.findAllByProxy(proxy.id())).containsExactly(keyed);
        assertThat(overrides.find(proxy.id(), channel.id()).orElseThrow().key())
                .isEqualTo(new ChannelKey(source.id(), "m3u:|/one.ts"));
    }

    @Test
    void saving_again_replaces_the_override() {
        overrides.save(override(channel.id(), "Ünë HD", 7, false));
        overrides.save(override(channel.id(), "One", 1_000_000, true));

        assertThat(overrides.findAllByProxy(proxy.id()))
                .containsExactly(override(channel.id(), "One", 1_000_000, true));
    }

    @Test
    void a_refresh_of_the_source_leaves_the_override() {
        overrides.save(override(channel.id(), "Mine", 5, false));

        store.channels().replaceAllForSource(source.id(), sink -> {});

        assertThat(overrides.find(proxy.id(), channel.id())).isPresent();
    }

    @Test
    void deleting_the_proxy_deletes_its_overrides() {
        overrides.save(override(channel.id(), "Mine", 5, false));

        store.proxies().delete(proxy.id());

        assertThat(overrides.findAllByProxy(proxy.id())).isEmpty();
    }

    @Test
    void delete_answers_whether_there_was_one() {
        overrides.save(override(channel.id(), "Mine", 5, false));

        assertThat(overrides.delete(proxy.id(), channel.id())).isTrue();
        assertThat(overrides.delete(proxy.id(), channel.id())).isFalse();
        assertThat(overrides.find(proxy.id(), channel.id())).isEmpty();
    }

    @Test
    void overrides_are_kept_per_proxy() {
        StreamProxy other = aProxy("bedroom", source.id());
        store.proxies().insert(other);
        overrides.save(override(channel.id(), "Mine", 5, false));

        assertThat(overrides.findAllByProxy(other.id())).isEmpty();
        assertThat(overrides.find(other.id(), channel.id())).isEmpty();
    }
}
