package io.tvarr.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tvarr.domain.ValidationException;
import io.tvarr.domain.account.port.in.CreateOutputUserCommand;
import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.config.ConfigChange;
import io.tvarr.domain.config.ConfigChanges;
import io.tvarr.domain.config.port.in.ApplyConfigCommand;
import io.tvarr.domain.epg.EpgSource;
import io.tvarr.domain.epg.port.in.SaveEpgSourceCommand;
import io.tvarr.domain.failover.ChannelAlternates;
import io.tvarr.domain.failover.MergeBy;
import io.tvarr.domain.failover.ProxyFailover;
import io.tvarr.domain.filter.Filter;
import io.tvarr.domain.filter.port.in.SaveFilterCommand;
import io.tvarr.domain.mapping.DataMappingRule;
import io.tvarr.domain.mapping.port.in.SaveMappingRuleCommand;
import io.tvarr.domain.output.AccessMode;
import io.tvarr.domain.output.port.in.ChangeOutputAccessCommand;
import io.tvarr.domain.proxy.DeliveryMode;
import io.tvarr.domain.proxy.GuideMatchSettings;
import io.tvarr.domain.proxy.Numbering;
import io.tvarr.domain.proxy.NumberingMode;
import io.tvarr.domain.proxy.OutputSettings;
import io.tvarr.domain.proxy.ProxyFilter;
import io.tvarr.domain.proxy.ProxyMappingRule;
import io.tvarr.domain.proxy.StreamProxy;
import io.tvarr.domain.proxy.port.in.PinGuideChannelCommand;
import io.tvarr.domain.proxy.port.in.SaveManualChannelCommand;
import io.tvarr.domain.proxy.port.in.SaveProxyCommand;
import io.tvarr.domain.proxy.port.in.SetChannelOverrideCommand;
import io.tvarr.domain.relay.AudioCodec;
import io.tvarr.domain.relay.HardwareAcceleration;
import io.tvarr.domain.relay.RelayProfile;
import io.tvarr.domain.relay.RelayProfileId;
import io.tvarr.domain.relay.VideoCodec;
import io.tvarr.domain.source.StreamSource;
import io.tvarr.domain.source.port.in.SaveStreamSourceCommand;
import io.tvarr.http.config.ConfigDocuments;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Configuration as code on a real store: export, apply into another instance, idempotence, prune, dry run, and
 * refusals that name their place and change nothing. Subclasses give each instance its own database.
 */
abstract class ConfigAsCodeContract {
    static final String XTREAM_PASSWORD = "s3cret-xtream";
    static final String URL_PASSWORD = "url-pa55";
    static final String GUIDE_PASSWORD = "guide-pa55";

    private final ConfigDocuments documents = new ConfigDocuments();
    /** The environment of the instances: what the exported references are set to. */
    final Map<String, String> env = new HashMap<>();

    private final List<Tvarr> opened = new java.util.ArrayList<>();

    /** A new, empty instance on its own database. */
    abstract TvarrBuilder instance(String name);

    /** The JDBC URL of the database of the instance opened as {@code instance}. */
    abstract String databaseUrl(String instance);

    /**
     * Makes the store of {@code instance} refuse to insert the proxy named {@code proxy}, as a store refuses what no
     * check foresaw (a row another process wrote meanwhile): a trigger in its own dialect.
     */
    void refuseProxy(String instance, String proxy) throws java.sql.SQLException {
        String url = databaseUrl(instance);
        List<String> sql;
        if (url.startsWith("jdbc:sqlite:")) {
            sql = List.of("CREATE TRIGGER refuse_proxy BEFORE INSERT ON stream_proxy WHEN NEW.name = '" + proxy
                    + "' BEGIN SELECT RAISE(ABORT, 'refused by the test'); END");
        } else if (url.startsWith("jdbc:postgresql:")) {
            sql = List.of(
                    "CREATE FUNCTION refuse_proxy() RETURNS trigger AS $$ BEGIN IF NEW.name = '" + proxy
                            + "' THEN RAISE EXCEPTION 'refused by the test'; END IF; RETURN NEW; END $$"
                            + " LANGUAGE plpgsql",
                    "CREATE TRIGGER refuse_proxy BEFORE INSERT ON stream_proxy FOR EACH ROW EXECUTE FUNCTION"
                            + " refuse_proxy()");
        } else {
            sql = List.of("CREATE TRIGGER refuse_proxy BEFORE INSERT ON stream_proxy FOR EACH ROW BEGIN IF NEW.name = '"
                    + proxy + "' THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'refused by the test'; END IF; END");
        }
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(url);
                java.sql.Statement statement = connection.createStatement()) {
            for (String each : sql) {
                statement.execute(each);
            }
        }
    }

    Tvarr open(String name) {
        Tvarr tvarr = instance(name)
                .secretVariables(variable -> Optional.ofNullable(env.get(variable)))
                // the playlists of the channel settings' tests, read by every instance
                .allowSourceDirectory(files)
                .build();
        opened.add(tvarr);
        return tvarr;
    }

    @AfterEach
    void close() {
        opened.forEach(Tvarr::close);
        opened.clear();
    }

    /** Every kind of setting, secrets included. */
    static void configure(Tvarr tvarr) {
        StreamSource xtream = tvarr.sources()
                .create(SaveStreamSourceCommand.xtream("My Provider", "http://xtream.test", "alice", XTREAM_PASSWORD)
                        .withMaxConcurrentStreams(2)
                        .withSchedule("0 */6 * * *"));
        tvarr.streamChecks()
                .configure(xtream.id(), new io.tvarr.domain.health.HealthCheckSettings(true, "0 3 * * *", 25));
        StreamSource m3u = tvarr.sources()
                .create(SaveStreamSourceCommand.m3u("Backup list", "http://bob:" + URL_PASSWORD + "@m3u.test/list.m3u")
                        .withUserAgent("VLC/3"));
        EpgSource guide = tvarr.guides()
                .create(SaveEpgSourceCommand.xtream("Provider guide", "http://xtream.test", "alice", GUIDE_PASSWORD)
                        .withTimeShift(60));
        EpgSource xmltv = tvarr.guides().create(SaveEpgSourceCommand.xmltv("Open guide", "http://guide.test/a.xml"));
        Filter sport =
                tvarr.filters().create(SaveFilterCommand.includeChannels("Sport", "group_title contains \"sport\""));
        Filter adult =
                tvarr.filters().create(SaveFilterCommand.excludeChannels("Adult", "group_title contains \"xxx\""));
        DataMappingRule first = tvarr.mappingRules()
                .create(SaveMappingRuleCommand.channels(
                        "Rename", "channel_name contains \"HD\" SET group_title = \"HD\""));
        DataMappingRule second = tvarr.mappingRules()
                .create(SaveMappingRuleCommand.channels(
                        "Group", "group_title contains \"UK\" SET group_title = \"UK\""));
        List<io.tvarr.domain.mapping.MappingRuleId> order = new java.util.ArrayList<>(
                tvarr.mappingRules().list().stream().map(DataMappingRule::id).toList());
        order.remove(second.id());
        order.add(0, second.id());
        tvarr.mappingRules().reorder(order);
        RelayProfile profile = tvarr.relayProfiles()
                .create(new RelayProfile(
                        RelayProfileId.random(),
                        "Small",
                        VideoCodec.H264,
                        AudioCodec.AAC,
                        2000,
                        128,
                        720,
                        HardwareAcceleration.NONE,
                        List.of(),
                        List.of(),
                        true));
        StreamProxy living = tvarr.proxies()
                .create(new SaveProxyCommand(
                        "Living room",
                        "living",
                        List.of(m3u.id(), xtream.id()),
                        List.of(xmltv.id(), guide.id()),
                        List.of(new ProxyFilter(adult.id(), true), new ProxyFilter(sport.id(), false)),
                        List.of(ProxyMappingRule.on(first.id()), new ProxyMappingRule(second.id(), false)),
                        new Numbering(NumberingMode.SEQUENTIAL, 100, 50),
                        DeliveryMode.TRANSCODE,
                        profile.id(),
                        OutputSettings.DEFAULT
                                .withHdhomerun(false)
                                .withXtreamVod(false)
                                .withHdhomerunProfile(profile.id()),
                        "@daily"));
        tvarr.failover().change(living.id().toString(), new ProxyFailover(MergeBy.TVG_ID, List.of()));
        tvarr.guideMatching().configure(living.id(), new GuideMatchSettings(80));
        tvarr.outputAccess().change(living.id(), ChangeOutputAccessCommand.of(AccessMode.TOKEN, List.of()));
        tvarr.outputUsers().create(living.id(), new CreateOutputUserCommand("kid", "pass-1234", null, 2));
        StreamProxy kitchen =
                tvarr.proxies().create(SaveProxyCommand.named("Kitchen").withSources(xtream.id()));
        tvarr.outputAccess()
                .change(kitchen.id(), ChangeOutputAccessCommand.of(AccessMode.LAN, List.of("192.168.1.0/24")));
    }

    private String export(Tvarr tvarr) {
        return documents.yaml(tvarr.configExport().export());
    }

    private ConfigChanges apply(Tvarr tvarr, String yaml, boolean prune, boolean dryRun) {
        return tvarr.configApply().apply(new ApplyConfigCommand(documents.read(yaml), prune, dryRun));
    }

    /** Sets the variables an export of {@code tvarr} names to the secrets it holds. */
    private void secretsOf(Tvarr tvarr) {
        env.put("TVARR_SOURCE_MY_PROVIDER_PASSWORD", XTREAM_PASSWORD);
        env.put("TVARR_SOURCE_BACKUP_LIST_URL", "http://bob:" + URL_PASSWORD + "@m3u.test/list.m3u");
        env.put("TVARR_GUIDE_PROVIDER_GUIDE_PASSWORD", GUIDE_PASSWORD);
        StreamProxy living = tvarr.proxies().find("living");
        env.put(
                "TVARR_PROXY_LIVING_ROOM_TOKEN",
                tvarr.outputAccess().read(living.id()).token());
    }

    @Nested
    class Export {
        @Test
        void never_writes_a_secret_in_clear() {
            Tvarr a = open("a");
            configure(a);
            String token =
                    a.outputAccess().read(a.proxies().find("living").id()).token();

            String yaml = export(a);

            assertThat(yaml)
                    .doesNotContain(XTREAM_PASSWORD)
                    .doesNotContain(URL_PASSWORD)
                    .doesNotContain(GUIDE_PASSWORD)
                    .doesNotContain(token)
                    .doesNotContain("pass-1234")
                    .contains("password: \"${TVARR_SOURCE_MY_PROVIDER_PASSWORD}\"")
                    .contains("url: \"${TVARR_SOURCE_BACKUP_LIST_URL}\"")
                    .contains("password: \"${TVARR_GUIDE_PROVIDER_GUIDE_PASSWORD}\"")
                    .contains("token: \"${TVARR_PROXY_LIVING_ROOM_TOKEN}\"")
                    .containsPattern("password_hash: \"?\\$argon2id");
        }
    }

    @Nested
    class ExportRefusal {
        @Test
        void two_names_that_would_share_a_variable_are_refused_naming_both() {
            Tvarr a = open("a");
            a.sources().create(SaveStreamSourceCommand.xtream("My-Provider", "http://x.test", "a", "one"));
            a.sources().create(SaveStreamSourceCommand.xtream("My Provider", "http://x.test", "b", "two"));

            assertThatThrownBy(() -> a.configExport().export())
                    .isInstanceOf(io.tvarr.domain.ConflictException.class)
                    .hasMessageContaining("\"My-Provider\"")
                    .hasMessageContaining("\"My Provider\"")
                    .hasMessageContaining("${TVARR_SOURCE_MY_PROVIDER_PASSWORD}");
        }
    }

    @Nested
    class Apply {
        @Test
        void into_an_empty_instance_gives_an_instance_that_exports_the_same_document() {
            Tvarr a = open("a");
            configure(a);
            secretsOf(a);
            String yaml = export(a);
            Tvarr b = open("b");

            ConfigChanges changes = apply(b, yaml, false, false);

            // the default rules every instance starts with are already there; the file puts its own among them
            assertThat(changes.changes())
                    .filteredOn(c -> !c.kind().equals("mapping_rule_order"))
                    .extracting(ConfigChange::action)
                    .containsOnly(ConfigChange.Action.CREATE);
            assertThat(export(b)).isEqualTo(yaml);
            assertThat(yaml).contains("stream_check:", "max_checks_per_run: 25");
            StreamSource provider = b.sources().list().stream()
                    .filter(s -> s.name().equals("My Provider"))
                    .findFirst()
                    .orElseThrow();
            assertThat(b.streamChecks().settings(provider.id()))
                    .isEqualTo(new io.tvarr.domain.health.HealthCheckSettings(true, "0 3 * * *", 25));
            StreamProxy living = b.proxies().find("living");
            assertThat(b.outputAccess().read(living.id()).token()).isEqualTo(env.get("TVARR_PROXY_LIVING_ROOM_TOKEN"));
            assertThat(b.sources().list())
                    .filteredOn(s -> s.name().equals("My Provider"))
                    .singleElement()
                    .satisfies(s -> assertThat(s.credentials().password()).isEqualTo(XTREAM_PASSWORD));
            assertThat(b.outputLogin().logIn("kid", "pass-1234"))
                    .isInstanceOf(io.tvarr.domain.account.port.in.Login.Granted.class);
        }

        @Test
        void a_second_time_changes_nothing_and_says_so() {
            Tvarr a = open("a");
            configure(a);
            secretsOf(a);
            String yaml = export(a);
            Tvarr b = open("b");
            apply(b, yaml, false, false);

            ConfigChanges again = apply(b, yaml, true, false);

            assertThat(again.none()).as(again.changes().toString()).isTrue();
            assertThat(apply(a, yaml, true, false).none()).isTrue();
        }

        @Test
        void a_changed_setting_is_updated_in_place_and_named() {
            Tvarr a = open("a");
            configure(a);
            secretsOf(a);
            String yaml = export(a);
            StreamProxy before = a.proxies().find("living");

            ConfigChanges changes = apply(a, yaml.replace("threshold: 80", "threshold: 70"), false, false);

            assertThat(changes.changes())
                    .extracting(ConfigChange::describe)
                    .containsExactly("update proxy \"Living room\" (guide_match_threshold)");
            assertThat(a.guideMatching().settings(before.id()).threshold()).isEqualTo(70);
            assertThat(a.proxies().find("living").id()).isEqualTo(before.id());
        }

        @Test
        void a_changed_output_user_keeps_its_id() {
            Tvarr a = open("a");
            configure(a);
            secretsOf(a);
            String yaml = export(a);
            StreamProxy living = a.proxies().find("living");
            io.tvarr.domain.account.OutputUser before =
                    a.outputUsers().list(living.id()).get(0);

            ConfigChanges changes = apply(a, yaml.replace("max_connections: 2", "max_connections: 3"), false, false);

            assertThat(changes.changes())
                    .extracting(ConfigChange::describe)
                    .containsExactly("update output_user \"Living room/kid\" (max_connections)");
            assertThat(a.outputUsers().list(living.id()))
                    .singleElement()
                    .satisfies(u -> assertThat(u.id()).isEqualTo(before.id()))
                    .satisfies(u -> assertThat(u.maxConnections()).isEqualTo(3))
                    .satisfies(u -> assertThat(u.passwordHash()).isEqualTo(before.passwordHash()));
        }

        @Test
        void a_dry_run_tells_the_changes_and_makes_none() {
            Tvarr a = open("a");
            configure(a);
            secretsOf(a);
            String yaml = export(a);
            Tvarr b = open("b");

            ConfigChanges changes = apply(b, yaml, false, true);

            assertThat(changes.dryRun()).isTrue();
            assertThat(changes.changes())
                    .extracting(ConfigChange::describe)
                    .contains(
                            "create source \"My Provider\"",
                            "create proxy \"Living room\"",
                            "create output_user \"Living room/kid\"");
            assertThat(b.sources().list()).isEmpty();
            assertThat(b.proxies().list()).isEmpty();
            assertThat(b.mappingRules().list())
                    .extracting(DataMappingRule::name)
                    .doesNotContain("Rename", "Group");
        }
    }

    @Nested
    class Prune {
        @Test
        void deletes_what_the_document_does_not_name_and_only_with_prune() {
            Tvarr a = open("a");
            configure(a);
            secretsOf(a);
            String yaml = export(a);
            a.filters().create(SaveFilterCommand.excludeChannels("Extra", "group_title contains \"x\""));
            a.proxies().create(SaveProxyCommand.named("Garage"));

            ConfigChanges kept = apply(a, yaml, false, false);
            assertThat(kept.none()).isTrue();
            assertThat(a.proxies().list()).extracting(StreamProxy::name).contains("Garage");

            ConfigChanges pruned = apply(a, yaml, true, false);

            assertThat(pruned.changes())
                    .extracting(ConfigChange::describe)
                    .containsExactly("delete proxy \"Garage\"", "delete filter \"Extra\"");
            assertThat(a.proxies().list())
                    .extracting(StreamProxy::name)
                    .containsExactlyInAnyOrder("Living room", "Kitchen");
            assertThat(export(a)).isEqualTo(yaml);
        }

        @Test
        void removes_output_users_a_proxy_no_longer_lists() {
            Tvarr a = open("a");
            configure(a);
            secretsOf(a);
            String yaml = export(a);
            a.outputUsers()
                    .create(
                            a.proxies().find("living").id(),
                            new CreateOutputUserCommand("guest", "pass-9999", null, 1));

            ConfigChanges pruned = apply(a, yaml, true, false);

            assertThat(pruned.changes())
                    .extracting(ConfigChange::describe)
                    .containsExactly("delete output_user \"Living room/guest\"");
        }
    }

    @Nested
    class Failure {
        @Test
        void halfway_leaves_the_instance_exactly_as_it_was() throws Exception {
            Tvarr a = open("a");
            configure(a);
            secretsOf(a);
            String yaml = export(a);
            Tvarr b = open("b");
            String before = export(b);
            // the document passes every check; the store refuses the second proxy, after much was written
            refuseProxy("b", "Living room");

            assertThatThrownBy(() -> apply(b, yaml, false, false))
                    .isInstanceOfAny(io.tvarr.domain.ConflictException.class, io.tvarr.domain.StorageException.class);

            assertThat(export(b)).isEqualTo(before);
            assertThat(b.sources().list()).isEmpty();
            assertThat(b.proxies().list()).isEmpty();
        }
    }

    /** A file playlist of three channels, a proxy with a channel added by hand, and settings on single channels. */
    final class Den {
        final Tvarr tvarr;
        final Path playlist;
        final StreamSource local;
        final StreamProxy proxy;
        final ChannelId hand;

        Den(String name) throws IOException {
            tvarr = open(name);
            playlist = Files.createDirectories(files.resolve(name)).resolve("local.m3u");
            provide(ONE + TWO + THREE);
            local = tvarr.sources()
                    .create(SaveStreamSourceCommand.m3u(
                            "Local", playlist.toUri().toString()));
            ingest();
            proxy = tvarr.proxies().create(SaveProxyCommand.named("Den").withSources(local.id()));
            hand = tvarr.manualChannels()
                    .add(new SaveManualChannelCommand(
                            proxy.id(),
                            "Hand",
                            "http://hand.test/live.m3u8",
                            "hand.tv",
                            null,
                            "Mine",
                            42,
                            "hand.guide"))
                    .id();
        }

        void provide(String entries) throws IOException {
            Files.writeString(playlist, "#EXTM3U\n" + entries);
        }

        void ingest() {
            tvarr.sourceIngestion().ingest(local.id());
        }

        ChannelId channel(String name) {
            return tvarr
                    .channels()
                    .page(new io.tvarr.domain.channel.ChannelQuery(local.id(), null, null, 0, 100))
                    .items()
                    .stream()
                    .filter(c -> c.name().equals(name))
                    .findFirst()
                    .orElseThrow()
                    .id();
        }

        /** Overrides of One and of the channel added by hand, a pin on Two, alternates of One; Three's override orphaned. */
        Den withSettings() throws IOException {
            ChannelId one = channel("One");
            ChannelId two = channel("Two");
            tvarr.channelOverrides()
                    .set(new SetChannelOverrideCommand(proxy.id(), one, "Uno", 7, null, null, null, false));
            tvarr.channelOverrides()
                    .set(new SetChannelOverrideCommand(proxy.id(), hand, null, null, "Hand made", null, null, false));
            tvarr.channelOverrides()
                    .set(new SetChannelOverrideCommand(
                            proxy.id(), channel("Three"), null, null, null, null, null, true));
            tvarr.guidePins().pin(new PinGuideChannelCommand(proxy.id(), two, "two.guide"));
            tvarr.failover()
                    .change(
                            proxy.id().toString(),
                            new ProxyFailover(MergeBy.NONE, List.of(new ChannelAlternates(one, List.of(two, hand)))));
            provide(ONE + TWO);
            ingest();
            return this;
        }
    }

    static final String ONE = "#EXTINF:-1 tvg-id=\"one.uk\" group-title=\"News\",One\nhttp://cdn.test/one.ts\n";
    static final String TWO = "#EXTINF:-1 tvg-id=\"two.uk\" group-title=\"News\",Two\nhttp://cdn.test/two.ts\n";
    static final String THREE = "#EXTINF:-1 tvg-id=\"three.uk\" group-title=\"Film\",Three\nhttp://cdn.test/three.ts\n";

    @TempDir
    Path files;

    @Nested
    class ChannelSettings {
        @Test
        void round_trip_into_an_empty_instance_byte_for_byte_orphaned_override_included() throws IOException {
            Den a = new Den("a").withSettings();
            String yaml = export(a.tvarr);
            Tvarr b = open("b");

            ConfigChanges changes = apply(b, yaml, false, false);

            assertThat(yaml).contains("overrides:", "guide_pins:", "alternates:", "manual_channels:", "hidden: true");
            assertThat(yaml).doesNotContain("# warning");
            assertThat(changes.changes())
                    .extracting(ConfigChange::kind)
                    .contains("manual_channel", "channel_override", "guide_pin", "alternates");
            assertThat(export(b)).isEqualTo(yaml);
        }

        @Test
        void applied_before_the_sources_first_refresh_they_take_hold_of_its_channels() throws IOException {
            Den a = new Den("a").withSettings();
            String yaml = export(a.tvarr);
            Tvarr b = open("b");
            apply(b, yaml, false, false);
            StreamProxy den = b.proxies().find("den");
            StreamSource local = b.sources().list().get(0);

            b.sourceIngestion().ingest(local.id());

            assertThat(b.channelOverrides().list(den.id()))
                    .filteredOn(o -> "Uno".equals(o.override().name()))
                    .singleElement()
                    .satisfies(o -> assertThat(o.orphaned()).isFalse())
                    .satisfies(o -> assertThat(o.channelName()).isEqualTo("One"));
            assertThat(b.manualChannels().list(den.id()))
                    .singleElement()
                    .satisfies(m -> assertThat(m.id()).isEqualTo(a.hand));
        }

        @Test
        void a_second_apply_changes_nothing() throws IOException {
            Den a = new Den("a").withSettings();
            String yaml = export(a.tvarr);
            Tvarr b = open("b");
            apply(b, yaml, false, false);

            ConfigChanges again = apply(b, yaml, true, false);

            assertThat(again.none()).as(again.changes().toString()).isTrue();
            assertThat(apply(a.tvarr, yaml, true, false).none()).isTrue();
        }

        @Test
        void a_dry_run_lists_each_and_makes_none() throws IOException {
            Den a = new Den("a").withSettings();
            String yaml = export(a.tvarr);
            Tvarr b = open("b");

            ConfigChanges changes = apply(b, yaml, false, true);

            assertThat(changes.changes())
                    .extracting(ConfigChange::describe)
                    .contains(
                            "create manual_channel \"Den/manual/" + a.hand + "\"",
                            "create channel_override \"Den/manual/" + a.hand + "\"")
                    .anyMatch(d -> d.startsWith("create channel_override \"Den/Local/"))
                    .anyMatch(d -> d.startsWith("create guide_pin \"Den/Local/"))
                    .anyMatch(d -> d.startsWith("create alternates \"Den/Local/"));
            assertThat(b.proxies().list()).isEmpty();
        }

        @Test
        void prune_deletes_those_the_document_does_not_list_and_only_with_prune() throws IOException {
            Den a = new Den("a").withSettings();
            String yaml = export(a.tvarr);
            a.tvarr
                    .channelOverrides()
                    .set(new SetChannelOverrideCommand(
                            a.proxy.id(), a.channel("Two"), "Dos", null, null, null, null, false));
            a.tvarr.guidePins().pin(new PinGuideChannelCommand(a.proxy.id(), a.channel("One"), "one.guide"));

            assertThat(apply(a.tvarr, yaml, false, false).none()).isTrue();
            ConfigChanges pruned = apply(a.tvarr, yaml, true, false);

            assertThat(pruned.changes())
                    .extracting(c -> c.action() + " " + c.kind())
                    .containsExactlyInAnyOrder("DELETE channel_override", "DELETE guide_pin");
            assertThat(export(a.tvarr)).isEqualTo(yaml);
        }

        @Test
        void an_override_whose_channel_and_key_are_both_gone_is_left_out_with_a_warning() throws Exception {
            Den a = new Den("a").withSettings();
            try (java.sql.Connection connection = java.sql.DriverManager.getConnection(databaseUrl("a"));
                    java.sql.Statement statement = connection.createStatement()) {
                // as V27 leaves an override whose channel was gone before it: no key to name it by
                statement.execute("UPDATE channel_override SET channel_source_id = NULL, channel_key = NULL"
                        + " WHERE hidden = TRUE");
            }

            String yaml = export(a.tvarr);

            assertThat(yaml)
                    .startsWith("# warning: proxy \"Den\": override of channel ")
                    .contains("left out (its channel is gone and its source's key for it was never stored")
                    .doesNotContain("hidden: true");
        }

        @Test
        void a_pin_on_a_channel_added_by_hand_and_an_override_from_another_source_are_named_by_place()
                throws IOException {
            Den a = new Den("a").withSettings();
            String yaml = export(a.tvarr)
                    .replace(
                            "guide_pins:\n",
                            "guide_pins:\n  - channel:\n      manual: \"" + a.hand + "\"\n"
                                    + "    guide_channel: x.guide\n")
                    .replaceFirst("(?m)^(\\s*)source: Local$", "$1source: Elsewhere");
            Tvarr b = open("b");

            assertThatThrownBy(() -> apply(b, yaml, false, false))
                    .isInstanceOf(ValidationException.class)
                    .hasMessageContaining("proxies[0].guide_pins[0].channel: a channel added by hand takes its guide"
                            + " channel as guide_channel in manual_channels")
                    .hasMessageContaining("proxies[0].overrides[0].channel.source: \"Elsewhere\" is not one of the"
                            + " proxy's sources");
            assertThat(b.proxies().list()).isEmpty();
        }
    }

    @Nested
    class Refusal {
        @Test
        void two_proxies_given_one_token_are_named_by_their_places_before_any_write() {
            Tvarr a = open("a");
            configure(a);
            secretsOf(a);
            String yaml = export(a);
            Tvarr b = open("b");
            env.put("TVARR_PROXY_KITCHEN_TOKEN", env.get("TVARR_PROXY_LIVING_ROOM_TOKEN"));
            String twoTokens = yaml.replaceAll(
                    "(?m)^( *)mode: lan$", "$1mode: token\n$1token: \"\\${TVARR_PROXY_KITCHEN_TOKEN}\"");

            assertThatThrownBy(() -> apply(b, twoTokens, false, false))
                    .isInstanceOf(ValidationException.class)
                    .hasMessageContaining("proxies[1].access.token: the same token as proxies[0] (\"Kitchen\")")
                    .hasMessageNotContaining(env.get("TVARR_PROXY_LIVING_ROOM_TOKEN"));
            assertThat(b.sources().list()).isEmpty();
            assertThat(b.proxies().list()).isEmpty();
        }

        @Test
        void a_token_held_by_a_proxy_the_document_leaves_alone_is_named() {
            Tvarr a = open("a");
            configure(a);
            secretsOf(a);
            String yaml = export(a);
            StreamProxy garage = a.proxies().create(SaveProxyCommand.named("Garage"));
            a.outputAccess().change(garage.id(), ChangeOutputAccessCommand.of(AccessMode.TOKEN, List.of()));
            env.put(
                    "TVARR_PROXY_LIVING_ROOM_TOKEN",
                    a.outputAccess().read(garage.id()).token());

            assertThatThrownBy(() -> apply(a, yaml, false, false))
                    .isInstanceOf(ValidationException.class)
                    .hasMessageContaining("proxies[1].access.token: the token of the proxy \"Garage\"");
        }

        @Test
        void a_proxy_naming_an_absent_source_is_named_by_its_place_and_nothing_changes() {
            Tvarr a = open("a");
            configure(a);
            secretsOf(a);
            String yaml = export(a);
            Tvarr b = open("b");
            String broken = yaml.replace("- Backup list\n", "- Nowhere\n");

            assertThatThrownBy(() -> apply(b, broken, false, false))
                    .isInstanceOf(ValidationException.class)
                    .hasMessageContaining("proxies[1].sources[0]: no source named \"Nowhere\"");
            assertThat(b.sources().list()).isEmpty();
            assertThat(b.filters().list()).extracting(Filter::name).doesNotContain("Sport", "Adult");
        }

        @Test
        void an_unset_variable_is_named_with_its_place_and_no_secret_shows() {
            Tvarr a = open("a");
            configure(a);
            String yaml = export(a);
            env.put("TVARR_SOURCE_MY_PROVIDER_PASSWORD", XTREAM_PASSWORD);
            env.put("TVARR_GUIDE_PROVIDER_GUIDE_PASSWORD", GUIDE_PASSWORD);
            env.put(
                    "TVARR_PROXY_LIVING_ROOM_TOKEN",
                    a.outputAccess().read(a.proxies().find("living").id()).token());
            Tvarr b = open("b");

            assertThatThrownBy(() -> apply(b, yaml, false, false))
                    .isInstanceOf(ValidationException.class)
                    .hasMessageContaining("sources[0].url: ${TVARR_SOURCE_BACKUP_LIST_URL} is not set")
                    .hasMessageNotContaining(XTREAM_PASSWORD);
            assertThat(b.sources().list()).isEmpty();
        }

        @Test
        void an_invalid_stream_check_schedule_is_named_by_its_place_and_nothing_changes() {
            Tvarr b = open("b");
            String yaml = "sources:\n  - name: A\n    url: http://a.test/a.m3u\n"
                    + "    stream_check:\n      enabled: true\n      schedule: every now and then\n";

            assertThatThrownBy(() -> apply(b, yaml, false, false))
                    .isInstanceOf(ValidationException.class)
                    .hasMessageContaining("sources[0].stream_check.schedule: ");
            assertThat(b.sources().list()).isEmpty();
        }

        @Test
        void an_unknown_key_is_named_by_its_place() {
            String yaml = "proxies:\n  - name: Main\n    colour: red\n";

            assertThatThrownBy(() -> documents.read(yaml))
                    .isInstanceOf(ValidationException.class)
                    .hasMessageStartingWith("proxies[0].colour: unknown key");
        }

        @Test
        void an_invalid_expression_is_named_by_its_place_and_nothing_changes() {
            Tvarr b = open("b");
            String yaml = "sources:\n  - name: A\n    url: http://a.test/a.m3u\n"
                    + "filters:\n  - name: Bad\n    action: include\n    expression: group_title contians \"x\"\n";

            assertThatThrownBy(() -> apply(b, yaml, false, false))
                    .isInstanceOf(ValidationException.class)
                    .hasMessageContaining("filters[0].expression: ");
            assertThat(b.sources().list()).isEmpty();
        }
    }
}
