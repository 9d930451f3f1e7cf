package io.tvarr.pipeline.stage.epg;

import static org.assertj.core.api.Assertions.assertThat;

import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.epg.EpgChannel;
import io.tvarr.domain.epg.EpgSourceId;
import io.tvarr.domain.epg.LocalizedText;
import io.tvarr.domain.proxy.GuideCandidate;
import io.tvarr.domain.proxy.GuideMatchSettings;
import io.tvarr.domain.proxy.GuideMatchTier;
import io.tvarr.domain.proxy.GuidePin;
import io.tvarr.domain.proxy.ProxyId;
import io.tvarr.domain.source.SourceId;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class GuideMatcherTest {
    private static final EpgSourceId FIRST = new EpgSourceId(UUID.randomUUID());
    private static final EpgSourceId SECOND = new EpgSourceId(UUID.randomUUID());
    private static final SourceId SOURCE = new SourceId(UUID.randomUUID());

    private static EpgChannel guide(EpgSourceId source, String id, String... names) {
        return new EpgChannel(
                source,
                id,
                Arrays.stream(names).map(n -> new LocalizedText(n, null)).toList(),
                null,
                null);
    }

    private static GuideMatcher matcher(EpgChannel... channels) {
        return matcher(GuideMatchSettings.DEFAULT, List.of(), channels);
    }

    private static GuideMatcher matcher(GuideMatchSettings settings, List<GuidePin> pins, EpgChannel... channels) {
        GuideMatcher matcher = new GuideMatcher(settings, pins);
        for (EpgChannel channel : channels) {
            matcher.add(channel);
        }
        return matcher;
    }

    /** A guide with enough unrelated channels that word weights look like a real guide's. */
    private static GuideMatcher realistic(EpgChannel... channels) {
        GuideMatcher matcher = new GuideMatcher();
        for (EpgChannel channel : channels) {
            matcher.add(channel);
        }
        String[] filler = {
            "Comedy Central",
            "Cartoon Network",
            "Food Network",
            "Travel Channel",
            "History",
            "Discovery Channel",
            "Animal Planet",
            "Bloomberg",
            "Sky News",
            "Euronews",
            "MTV",
            "Nick Jr",
            "Disney Channel",
            "Boomerang",
            "Classic Movies",
            "Drama Channel",
            "Crime 360",
            "Weather Nation"
        };
        for (String name : filler) {
            matcher.add(guide(SECOND, "filler." + name, name));
        }
        return matcher;
    }

    @Nested
    class Tiers {
        @Test
        void the_exact_id_comes_first() {
            GuideMatcher matcher = matcher(guide(FIRST, "bbc1.uk", "BBC One"), guide(FIRST, "BBC1.UK", "Other"));

            GuideMatcher.Result result = matcher.match("BBC1.UK", "whatever");

            assertThat(result.tier()).isEqualTo(GuideMatchTier.EXACT_ID);
            assertThat(result.channel().displayNames().get(0).text()).isEqualTo("Other");
            assertThat(result.score()).isEqualTo(100);
        }

        @Test
        void then_the_id_ignoring_case() {
            GuideMatcher.Result result =
                    matcher(guide(FIRST, "bbc1.uk", "BBC One")).match("BBC1.uk", "x");

            assertThat(result.tier()).isEqualTo(GuideMatchTier.ID_IGNORING_CASE);
        }

        @Test
        void then_the_normalised_name_against_every_display_name() {
            GuideMatcher matcher = matcher(guide(FIRST, "101", "101", "BBC One", "BBC 1 London"));

            GuideMatcher.Result result = matcher.match(null, "UK: BBC 1 London FHD");

            assertThat(result.tier()).isEqualTo(GuideMatchTier.NAME);
            assertThat(result.channel().id()).isEqualTo("101");
        }

        @Test
        void then_the_name_an_iptv_org_tvg_id_spells() {
            GuideMatcher matcher = matcher(guide(FIRST, "USBC39000171G", "ABC News Live"));

            GuideMatcher.Result result = matcher.match("ABCNewsLive.us@SD", "ABC Live News Stream");

            assertThat(result.tier()).isEqualTo(GuideMatchTier.NAME);
            assertThat(result.channel().id()).isEqualTo("USBC39000171G");
        }

        @Test
        void then_a_similar_name_above_the_threshold() {
            GuideMatcher matcher = realistic(guide(FIRST, "p1", "The Walking Dead Universe"));

            GuideMatcher.Result result = matcher.match(null, "Walking Dead Universe Channel (1080p) [Geo-blocked]");

            assertThat(result.tier()).isEqualTo(GuideMatchTier.SIMILAR);
            assertThat(result.channel().id()).isEqualTo("p1");
            assertThat(result.score()).isBetween(80, 99);
        }

        @Test
        void earlier_sources_win_ties() {
            GuideMatcher matcher = matcher(guide(FIRST, "a", "Arte"), guide(SECOND, "b", "ARTE HD"));

            assertThat(matcher.match(null, "arte").channel().id()).isEqualTo("a");
        }
    }

    @Nested
    class Names {
        @Test
        void country_prefixes_and_suffixes_and_quality_tags_do_not_count() {
            GuideMatcher matcher = matcher(guide(FIRST, "cnn", "CNN International"));

            assertThat(matcher.match(null, "US: CNN International HD").tier()).isEqualTo(GuideMatchTier.NAME);
            assertThat(matcher.match(null, "CNN International (UK)").tier()).isEqualTo(GuideMatchTier.NAME);
            assertThat(matcher.match(null, "CNN International.us").tier()).isEqualTo(GuideMatchTier.NAME);
            assertThat(matcher.match(null, "CNN International 4K").tier()).isEqualTo(GuideMatchTier.NAME);
            assertThat(matcher.match(null, "CNN International UHD").tier()).isEqualTo(GuideMatchTier.NAME);
        }

        @Test
        void a_plus_one_channel_never_takes_its_siblings_guide() {
            GuideMatcher matcher = realistic(guide(FIRST, "itv", "ITV"), guide(FIRST, "e4", "E4"));

            GuideMatcher.Result result = matcher.match(null, "ITV +1");

            assertThat(result.tier()).isEqualTo(GuideMatchTier.UNMATCHED);
            assertThat(result.candidates())
                    .extracting(GuideCandidate::guideChannelId)
                    .doesNotContain("itv");
        }

        @Test
        void a_plus_one_channel_takes_the_plus_one_guide() {
            GuideMatcher matcher = realistic(guide(FIRST, "itv", "ITV HD"), guide(FIRST, "itv1", "ITV+1"));

            assertThat(matcher.match(null, "UK: ITV +1 HD").channel().id()).isEqualTo("itv1");
            assertThat(matcher.match(null, "ITV").channel().id()).isEqualTo("itv");
        }

        @Test
        void a_plus_channel_never_takes_its_brand_siblings_guide() {
            GuideMatcher matcher = realistic(guide(FIRST, "crime", "Pluto TV Crime"), guide(FIRST, "vic", "Victory+"));

            assertThat(matcher.match(null, "Pluto TV Crime+").tier()).isEqualTo(GuideMatchTier.UNMATCHED);
            assertThat(matcher.match(null, "Victory+ (1080p)").channel().id()).isEqualTo("vic");
        }

        @Test
        void a_channel_in_another_language_never_takes_the_originals_guide() {
            GuideMatcher matcher = realistic(guide(FIRST, "xtra", "beIN SPORTS XTRA"));

            assertThat(matcher.match(null, "beIN Sports XTRA en Espanol").tier())
                    .isEqualTo(GuideMatchTier.UNMATCHED);
        }

        @Test
        void a_tvg_id_spelling_another_name_is_not_trusted() {
            GuideMatcher matcher = realistic(guide(FIRST, "wpt", "World Poker Tour"), guide(FIRST, "tg", "TG Junior"));

            assertThat(matcher.match("WorldPokerTour.us@US", "DP World Tour").tier())
                    .isEqualTo(GuideMatchTier.UNMATCHED);
            assertThat(matcher.match("TGJunior.us@SD", "Toon Goggles Junior")
                            .channel()
                            .id())
                    .isEqualTo("tg");
        }

        @Test
        void call_signs_that_differ_never_match() {
            GuideMatcher matcher = realistic(
                    guide(FIRST, "wabc", "ABC 7 New York (WABC)"), guide(FIRST, "kabc", "ABC 7 Los Angeles KABC"));

            GuideMatcher.Result result = matcher.match(null, "ABC 7 WABC-DT");

            assertThat(result.channel().id()).isEqualTo("wabc");
        }

        @Test
        void numbers_that_differ_never_match() {
            GuideMatcher matcher = realistic(guide(FIRST, "m2", "Movies 2"));

            GuideMatcher.Result result = matcher.match(null, "Movies 3");

            assertThat(result.tier()).isEqualTo(GuideMatchTier.UNMATCHED);
        }
    }

    @Nested
    class Threshold {
        @Test
        void a_score_below_the_proxys_threshold_is_no_match_but_a_candidate() {
            GuideMatcher matcher = matcher(
                    new GuideMatchSettings(100),
                    List.of(),
                    guide(FIRST, "p1", "The Walking Dead Universe"),
                    guide(FIRST, "p2", "Universe Documentaries"),
                    guide(FIRST, "p3", "Bloomberg"));

            GuideMatcher.Result result = matcher.match(null, "Walking Dead Universe Channel");

            assertThat(result.tier()).isEqualTo(GuideMatchTier.UNMATCHED);
            assertThat(result.channel()).isNull();
            assertThat(result.candidates())
                    .extracting(GuideCandidate::guideChannelId)
                    .containsExactly("p1", "p2");
            assertThat(result.score()).isEqualTo(result.candidates().get(0).score());
        }

        @Test
        void a_channel_alike_to_nothing_has_no_candidates() {
            GuideMatcher.Result result =
                    matcher(guide(FIRST, "p1", "Bloomberg")).match(null, "Zdf Neo");

            assertThat(result.candidates()).isEmpty();
            assertThat(result.score()).isZero();
        }

        @Test
        void without_a_guide_every_channel_is_unmatched_with_no_candidates() {
            GuideMatcher.Result result = new GuideMatcher().match(ChannelId.of(SOURCE, "k1"), "bbc1", "BBC One HD");

            assertThat(result.tier()).isEqualTo(GuideMatchTier.UNMATCHED);
            assertThat(result.channel()).isNull();
            assertThat(result.candidates()).isEmpty();
            assertThat(result.score()).isZero();
        }
    }

    @Nested
    class Pins {
        private final ChannelId channel = ChannelId.of(SOURCE, "k1");
        private final ProxyId proxy = new ProxyId(UUID.randomUUID());

        @Test
        void a_pinned_match_always_wins() {
            GuideMatcher matcher = matcher(
                    GuideMatchSettings.DEFAULT,
                    List.of(new GuidePin(proxy, channel, "other", Instant.EPOCH)),
                    guide(FIRST, "bbc1", "BBC One"),
                    guide(FIRST, "other", "Something Else"));

            GuideMatcher.Result result = matcher.match(channel, "bbc1", "BBC One");

            assertThat(result.tier()).isEqualTo(GuideMatchTier.PINNED);
            assertThat(result.channel().id()).isEqualTo("other");
            assertThat(matcher.orphanedPins()).isEmpty();
        }

        @Test
        void a_pin_whose_guide_channel_is_gone_is_orphaned_and_matching_goes_on() {
            GuideMatcher matcher = matcher(
                    GuideMatchSettings.DEFAULT,
                    List.of(new GuidePin(proxy, channel, "gone", Instant.EPOCH)),
                    guide(FIRST, "bbc1", "BBC One"));

            GuideMatcher.Result result = matcher.match(channel, "bbc1", "BBC One");

            assertThat(result.tier()).isEqualTo(GuideMatchTier.EXACT_ID);
            assertThat(matcher.orphanedPins()).containsOnlyKeys(channel);
            assertThat(matcher.orphanedPins().get(channel)).contains("gone");
        }

        @Test
        void a_pin_whose_channel_never_came_is_orphaned() {
            GuideMatcher matcher = matcher(
                    GuideMatchSettings.DEFAULT,
                    List.of(new GuidePin(proxy, channel, "bbc1", Instant.EPOCH)),
                    guide(FIRST, "bbc1", "BBC One"));

            matcher.match(ChannelId.of(SOURCE, "k2"), null, "BBC One");

            assertThat(matcher.orphanedPins().get(channel)).contains("not among the proxy's output channels");
        }
    }

    @Nested
    class Speed {
        @Test
        void scores_at_most_a_bounded_number_of_names_per_channel() {
            GuideMatcher matcher = new GuideMatcher();
            for (int i = 0; i < 20_000; i++) {
                matcher.add(guide(FIRST, "c" + i, "Channel " + i + " TV"));
            }

            matcher.match(null, "TV Channel Network");

            assertThat(matcher.namesScored()).isPositive().isLessThanOrEqualTo(GuideMatcher.MAX_SCORED);
        }

        @Test
        void prepared_scoring_gives_the_defined_score_for_every_pair_of_names() {
            String[] words = {
                "Sky", "Sports", "News", "the", "Channel", "TV", "ITV", "+1", "+", "Espanol", "French", "(WABC)",
                "KTLA-DT", "7", "12", "Crime", "Pluto", "US:", "HD", "Sports", "News", "Movies", "Kids", "& Friends"
            };
            Random random = new Random(15);
            GuideMatcher matcher = new GuideMatcher();
            for (int i = 0; i < 400; i++) {
                matcher.add(guide(FIRST, "g" + i, randomName(random, words), randomName(random, words)));
            }
            int compared = 0;
            for (int n = 0; n < 200; n++) {
                ChannelName name = ChannelName.of(randomName(random, words));
                for (int entry = 0; entry < matcher.indexedNames(); entry++) {
                    assertThat(matcher.preparedScore(name, entry))
                            .as("%s against display name %d", name, entry)
                            .isEqualTo(matcher.definedScore(name, entry));
                    compared++;
                }
            }
            assertThat(compared).isGreaterThan(100_000);
        }

        private static String randomName(Random random, String[] words) {
            StringBuilder name = new StringBuilder();
            int count = 1 + random.nextInt(5);
            for (int i = 0; i < count; i++) {
                name.append(words[random.nextInt(words.length)]).append(' ');
            }
            return name.toString().strip();
        }
    }
}
