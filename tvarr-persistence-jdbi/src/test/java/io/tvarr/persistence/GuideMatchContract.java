package io.tvarr.persistence;

import static io.tvarr.domain.TestData.T0;
import static io.tvarr.domain.TestData.aProxy;
import static io.tvarr.domain.TestData.anM3uSource;
import static org.assertj.core.api.Assertions.assertThat;

import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.channel.ChannelKey;
import io.tvarr.domain.proxy.GuideMatchSettings;
import io.tvarr.domain.proxy.GuidePin;
import io.tvarr.domain.proxy.StreamProxy;
import io.tvarr.domain.proxy.port.out.GuideMatchRepository;
import io.tvarr.domain.source.StreamSource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** How every database stores guide pins and guide match settings. Subclasses only supply the database. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class GuideMatchContract {
    private TestDatabase database;
    private JdbiPersistence store;
    private GuideMatchRepository matches;
    private StreamSource source;
    private StreamProxy proxy;
    private StreamProxy other;

    abstract TestDatabase createDatabase();

    @BeforeAll
    void open_and_migrate() {
        database = createDatabase();
        store = database.persistence();
        store.migrate();
        matches = store.guideMatching();
        source = anM3uSource("news");
        store.streamSources().insert(source);
    }

    @AfterAll
    void drop() {
        if (database != null) {
            database.close();
        }
    }

    @BeforeEach
    void fresh_proxies() {
        store.database().withHandle(h -> {
            h.execute("DELETE FROM guide_pin");
            h.execute("DELETE FROM guide_match_settings");
            h.execute("DELETE FROM stream_proxy");
            return null;
        });
        proxy = aProxy("living-room", source.id());
        other = aProxy("kitchen", source.id());
        store.proxies().insert(proxy);
        store.proxies().insert(other);
    }

    private List<GuidePin> pins(StreamProxy of) {
        List<GuidePin> found = new ArrayList<>();
        matches.forEachPin(of.id(), found::add);
        return found;
    }

    private GuidePin pin(StreamProxy of, String key, String guide) {
        return new GuidePin(of.id(), ChannelId.of(source.id(), key), guide, T0);
    }

    @Nested
    class Pins {
        @Test
        void are_stored_and_read_back_per_proxy_with_every_field() {
            GuidePin bbc = pin(proxy, "bbc", "bbc1.uk");
            GuidePin itv = pin(other, "itv", "ITV1.uk");

            matches.savePin(bbc);
            matches.savePin(itv);

            assertThat(pins(proxy)).containsExactly(bbc);
            assertThat(pins(other)).containsExactly(itv);
        }

        @Test
        void keep_their_channel_key_so_an_orphaned_pin_can_still_be_named() {
            ChannelKey key = new ChannelKey(source.id(), " bbc|/one.ts ");
            GuidePin keyed = new GuidePin(proxy.id(), key.channelId(), "bbc1.uk", T0, key);

            matches.savePin(keyed);

            assertThat(pins(proxy)).containsExactly(keyed);
        }

        @Test
        void a_second_pin_of_a_channel_replaces_the_first() {
            matches.savePin(pin(proxy, "bbc", "bbc1.uk"));
            GuidePin again = new GuidePin(proxy.id(), ChannelId.of(source.id(), "bbc"), "bbc.one", T0.plusSeconds(5));

            matches.savePin(again);

            assertThat(pins(proxy)).containsExactly(again);
        }

        @Test
        void keeps_guide_ids_with_case_and_unicode_as_given() {
            GuidePin odd = pin(proxy, "odd", "Das.Erste-HD.de@Süd");

            matches.savePin(odd);

            assertThat(pins(proxy)).containsExactly(odd);
        }

        @Test
        void are_deleted_one_channel_at_a_time() {
            matches.savePin(pin(proxy, "bbc", "bbc1.uk"));
            matches.savePin(pin(proxy, "itv", "itv1.uk"));

            assertThat(matches.deletePin(proxy.id(), ChannelId.of(source.id(), "bbc")))
                    .isTrue();
            assertThat(matches.deletePin(proxy.id(), ChannelId.of(source.id(), "bbc")))
                    .isFalse();

            assertThat(pins(proxy)).extracting(GuidePin::guideChannelId).containsExactly("itv1.uk");
        }

        @Test
        void go_with_their_proxy() {
            matches.savePin(pin(proxy, "bbc", "bbc1.uk"));

            store.proxies().delete(proxy.id());

            assertThat(pins(proxy)).isEmpty();
        }
    }

    @Nested
    class Settings {
        @Test
        void are_the_default_until_saved() {
            assertThat(matches.settings(proxy.id())).isEqualTo(GuideMatchSettings.DEFAULT);
        }

        @Test
        void are_saved_and_replaced_per_proxy() {
            matches.saveSettings(proxy.id(), new GuideMatchSettings(70));
            matches.saveSettings(proxy.id(), new GuideMatchSettings(95));

            assertThat(matches.settings(proxy.id())).isEqualTo(new GuideMatchSettings(95));
            assertThat(matches.settings(other.id())).isEqualTo(GuideMatchSettings.DEFAULT);
        }

        @Test
        void go_with_their_proxy() {
            matches.saveSettings(proxy.id(), new GuideMatchSettings(70));

            store.proxies().delete(proxy.id());

            assertThat(matches.settings(proxy.id())).isEqualTo(GuideMatchSettings.DEFAULT);
        }
    }
}
