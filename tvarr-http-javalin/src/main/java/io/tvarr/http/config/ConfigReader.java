package io.tvarr.http.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.config.AccessConfig;
import io.tvarr.domain.config.AlternatesConfig;
import io.tvarr.domain.config.ChannelOverrideConfig;
import io.tvarr.domain.config.ChannelRef;
import io.tvarr.domain.config.ConfigDocument;
import io.tvarr.domain.config.FilterConfig;
import io.tvarr.domain.config.GuideConfig;
import io.tvarr.domain.config.GuidePinConfig;
import io.tvarr.domain.config.ManualChannelConfig;
import io.tvarr.domain.config.MappingRuleConfig;
import io.tvarr.domain.config.OutputUserConfig;
import io.tvarr.domain.config.ProxyChannelsConfig;
import io.tvarr.domain.config.ProxyConfig;
import io.tvarr.domain.config.ProxyFilterConfig;
import io.tvarr.domain.config.ProxyRuleConfig;
import io.tvarr.domain.config.RelayProfileConfig;
import io.tvarr.domain.config.SourceConfig;
import io.tvarr.domain.epg.EpgSourceKind;
import io.tvarr.domain.epg.RetentionWindow;
import io.tvarr.domain.failover.MergeBy;
import io.tvarr.domain.filter.ExpressionDomain;
import io.tvarr.domain.filter.FilterAction;
import io.tvarr.domain.health.HealthCheckSettings;
import io.tvarr.domain.output.AccessMode;
import io.tvarr.domain.output.OutputAccess;
import io.tvarr.domain.proxy.DeliveryMode;
import io.tvarr.domain.proxy.GuideMatchSettings;
import io.tvarr.domain.proxy.Numbering;
import io.tvarr.domain.proxy.NumberingMode;
import io.tvarr.domain.proxy.OutputSettings;
import io.tvarr.domain.proxy.StreamProxy;
import io.tvarr.domain.relay.AudioCodec;
import io.tvarr.domain.relay.HardwareAcceleration;
import io.tvarr.domain.relay.VideoCodec;
import io.tvarr.domain.source.SourceKind;
import io.tvarr.domain.source.XtreamOutput;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Reads a document's tree into the domain's records; every value that is missing, of the wrong shape or unknown is named by its place. */
final class ConfigReader {
    static final int VERSION = 1;

    private ConfigReader() {}

    static ConfigDocument document(JsonNode tree) {
        DocumentNode root = DocumentNode.root(tree);
        int version = root.integer("version", VERSION);
        if (version != VERSION) {
            throw new ValidationException("version: " + version + " (expected: " + VERSION + ")");
        }
        List<SourceConfig> sources =
                root.nodes("sources").stream().map(ConfigReader::source).toList();
        List<GuideConfig> guides =
                root.nodes("guides").stream().map(ConfigReader::guide).toList();
        List<FilterConfig> filters =
                root.nodes("filters").stream().map(ConfigReader::filter).toList();
        List<MappingRuleConfig> rules =
                root.nodes("mapping_rules").stream().map(ConfigReader::rule).toList();
        List<RelayProfileConfig> profiles =
                root.nodes("relay_profiles").stream().map(ConfigReader::profile).toList();
        List<ProxyConfig> proxies =
                root.nodes("proxies").stream().map(ConfigReader::proxy).toList();
        root.texts("warnings"); // an export's, in JSON: told, not applied
        root.done();
        return new ConfigDocument(sources, guides, filters, rules, profiles, proxies);
    }

    private static SourceConfig source(DocumentNode n) {
        SourceConfig source = n.build(() -> new SourceConfig(
                n.text("name"),
                n.word("kind", SourceKind.class, SourceKind.M3U),
                n.text("url"),
                n.optText("username"),
                n.optText("password"),
                n.optText("user_agent"),
                n.bool("enabled", true),
                n.optText("schedule"),
                n.integer("max_concurrent_streams", 0),
                n.word("xtream_output", XtreamOutput.class, XtreamOutput.TS),
                n.bool("include_vod", false),
                n.bool("include_series", false),
                streamCheck(n.object("stream_check"))));
        n.done();
        return source;
    }

    private static HealthCheckSettings streamCheck(DocumentNode c) {
        HealthCheckSettings settings = c.build(() -> new HealthCheckSettings(
                c.bool("enabled", HealthCheckSettings.DEFAULT.enabled()),
                c.optText("schedule") == null ? HealthCheckSettings.DEFAULT.schedule() : c.optText("schedule"),
                c.integer("max_checks_per_run", HealthCheckSettings.DEFAULT.maxChecksPerRun())));
        c.done();
        return settings;
    }

    private static GuideConfig guide(DocumentNode n) {
        String name = n.text("name");
        EpgSourceKind kind = n.word("kind", EpgSourceKind.class, EpgSourceKind.XMLTV);
        String url = n.text("url");
        String zoneText = n.optText("zone");
        ZoneId zone;
        try {
            zone = zoneText == null ? java.time.ZoneOffset.UTC : ZoneId.of(zoneText);
        } catch (DateTimeException e) {
            throw new ValidationException(
                    n.at("zone") + ": '" + zoneText + "' (expected: a zone like Europe/London or Z)");
        }
        RetentionWindow retention = n.build(() -> new RetentionWindow(
                n.integer("retention_days_back", RetentionWindow.DEFAULT.daysBack()),
                n.integer("retention_days_ahead", RetentionWindow.DEFAULT.daysAhead())));
        GuideConfig guide = n.build(() -> new GuideConfig(
                name,
                kind,
                url,
                n.optText("username"),
                n.optText("password"),
                n.optText("user_agent"),
                n.bool("enabled", true),
                n.optText("schedule"),
                n.integer("time_shift_minutes", 0),
                zone,
                retention));
        n.done();
        return guide;
    }

    private static FilterConfig filter(DocumentNode n) {
        FilterConfig filter = n.build(() -> new FilterConfig(
                n.text("name"),
                n.word("domain", ExpressionDomain.class, ExpressionDomain.STREAM_FILTER),
                n.word("action", FilterAction.class, null),
                n.text("expression")));
        n.done();
        return filter;
    }

    private static MappingRuleConfig rule(DocumentNode n) {
        MappingRuleConfig rule = n.build(() -> new MappingRuleConfig(
                n.text("name"),
                n.word("domain", ExpressionDomain.class, ExpressionDomain.STREAM_MAPPING),
                n.text("expression"),
                n.bool("enabled", true),
                n.bool("stop_on_match", false)));
        n.done();
        return rule;
    }

    private static RelayProfileConfig profile(DocumentNode n) {
        RelayProfileConfig profile = n.build(() -> new RelayProfileConfig(
                n.text("name"),
                n.word("video_codec", VideoCodec.class, VideoCodec.COPY),
                n.word("audio_codec", AudioCodec.class, AudioCodec.COPY),
                n.integer("video_bitrate_kbps", 0),
                n.integer("audio_bitrate_kbps", 0),
                n.integer("max_height", 0),
                n.word("hwaccel", HardwareAcceleration.class, HardwareAcceleration.NONE),
                n.texts("extra_input_args"),
                n.texts("extra_output_args"),
                n.bool("smart", false)));
        n.done();
        return profile;
    }

    private static ProxyConfig proxy(DocumentNode n) {
        String name = n.text("name");
        String slug = n.optText("slug");
        List<String> sources = n.texts("sources");
        List<String> guides = n.texts("guides");
        List<ProxyFilterConfig> filters = proxyFilters(n);
        List<ProxyRuleConfig> rules = proxyRules(n);
        DocumentNode numbering = n.object("numbering");
        Numbering how = numbering.build(() -> new Numbering(
                numbering.word("mode", NumberingMode.class, Numbering.DEFAULT.mode()),
                numbering.integer("start", Numbering.DEFAULT.start()),
                numbering.integer("block_size", Numbering.DEFAULT.blockSize())));
        numbering.done();
        String deliveryText = n.optText("delivery_mode");
        DeliveryMode delivery = deliveryText != null
                        && DeliveryMode.ofDeprecatedName(deliveryText).isPresent()
                ? DeliveryMode.TRANSCODE
                : n.word("delivery_mode", DeliveryMode.class, DeliveryMode.REDIRECT);
        OutputSettings output = output(n.object("output"), n.object("doors"));
        DocumentNode failover = n.object("failover");
        MergeBy mergeBy = failover.word("merge_by", MergeBy.class, MergeBy.NONE);
        failover.done();
        DocumentNode matching = n.object("guide_matching");
        int threshold = matching.integer("threshold", GuideMatchSettings.DEFAULT.threshold());
        matching.done();
        AccessConfig access = access(n.object("access"));
        List<OutputUserConfig> users =
                n.nodes("users").stream().map(ConfigReader::user).toList();
        ProxyChannelsConfig channels = new ProxyChannelsConfig(
                n.nodes("manual_channels").stream().map(ConfigReader::manual).toList(),
                n.nodes("overrides").stream().map(ConfigReader::override).toList(),
                n.nodes("guide_pins").stream().map(ConfigReader::pin).toList(),
                n.nodes("alternates").stream().map(ConfigReader::alternates).toList());
        ProxyConfig proxy = n.build(() -> new ProxyConfig(
                name,
                slug == null ? StreamProxy.slugOf(name) : slug,
                sources,
                guides,
                filters,
                rules,
                how,
                delivery,
                n.optText("relay_profile"),
                n.optText("hdhomerun_profile"),
                output,
                n.optText("schedule"),
                mergeBy,
                threshold,
                access,
                users,
                channels));
        n.done();
        return proxy;
    }

    private static ManualChannelConfig manual(DocumentNode m) {
        ManualChannelConfig channel = m.build(() -> new ManualChannelConfig(
                m.text("id"),
                m.text("name"),
                m.text("stream_url"),
                m.optText("tvg_id"),
                m.optText("logo_url"),
                m.optText("group"),
                m.optInteger("number"),
                m.optText("guide_channel")));
        m.done();
        return channel;
    }

    private static ChannelOverrideConfig override(DocumentNode o) {
        ChannelRef channel = channel(o.object("channel"));
        ChannelOverrideConfig override = o.build(() -> new ChannelOverrideConfig(
                channel,
                o.optText("name"),
                o.optInteger("number"),
                o.optText("group"),
                o.optText("logo_url"),
                o.optText("tvg_id"),
                o.bool("hidden", false)));
        o.done();
        return override;
    }

    private static GuidePinConfig pin(DocumentNode p) {
        ChannelRef channel = channel(p.object("channel"));
        GuidePinConfig pin = p.build(() -> new GuidePinConfig(channel, p.text("guide_channel")));
        p.done();
        return pin;
    }

    private static AlternatesConfig alternates(DocumentNode a) {
        ChannelRef channel = channel(a.object("channel"));
        List<ChannelRef> alternates =
                a.nodes("alternates").stream().map(ConfigReader::channel).toList();
        AlternatesConfig entry = a.build(() -> new AlternatesConfig(channel, alternates));
        a.done();
        return entry;
    }

    /** {@code {source, key}} for a source's channel, {@code {manual: id}} for one added by hand. */
    private static ChannelRef channel(DocumentNode c) {
        ChannelRef ref = c.build(() -> new ChannelRef(c.optText("source"), c.optText("key"), c.optText("manual")));
        c.done();
        return ref;
    }

    /** Each filter as {@code {filter: name, active: false}}, or just its name when it is active. */
    private static List<ProxyFilterConfig> proxyFilters(DocumentNode n) {
        List<ProxyFilterConfig> filters = new ArrayList<>();
        List<JsonNode> items = n.items("filters");
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String place = n.at("filters") + "[" + i + "]";
            if (item.isTextual()) {
                filters.add(new ProxyFilterConfig(item.asText(), true));
            } else if (item.isObject()) {
                DocumentNode f = n.child(item, place);
                filters.add(f.build(() -> new ProxyFilterConfig(f.text("filter"), f.bool("active", true))));
                f.done();
            } else {
                throw new ValidationException(place + ": expected a filter's name or {filter, active}");
            }
        }
        return filters;
    }

    private static List<ProxyRuleConfig> proxyRules(DocumentNode n) {
        List<ProxyRuleConfig> rules = new ArrayList<>();
        List<JsonNode> items = n.items("mapping_rules");
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String place = n.at("mapping_rules") + "[" + i + "]";
            if (item.isTextual()) {
                rules.add(new ProxyRuleConfig(item.asText(), true));
            } else if (item.isObject()) {
                DocumentNode r = n.child(item, place);
                rules.add(r.build(() -> new ProxyRuleConfig(r.text("rule"), r.bool("active", true))));
                r.done();
            } else {
                throw new ValidationException(place + ": expected a mapping rule's name or {rule, active}");
            }
        }
        return rules;
    }

    private static OutputSettings output(DocumentNode o, DocumentNode doors) {
        OutputSettings d = OutputSettings.DEFAULT;
        OutputSettings output = o.build(() -> new OutputSettings(
                o.bool("include_channel_number", d.includeChannelNumber()),
                o.optText("group_title_override"),
                o.bool("url_tvg_header", d.urlTvgHeader()),
                o.bool("cache_logos", d.cacheLogos()),
                o.bool("deduplicate_streams", d.deduplicateStreams()),
                o.integer("epg_days_back", d.epgDaysBack()),
                o.integer("epg_days_ahead", d.epgDaysAhead()),
                o.bool("keep_guide_extras", d.keepGuideExtras()),
                doors.bool("hdhomerun", d.hdhomerun()),
                doors.bool("xtream_vod", d.xtreamVod())));
        o.done();
        doors.done();
        return output;
    }

    private static AccessConfig access(DocumentNode a) {
        AccessMode mode = a.word("mode", AccessMode.class, AccessMode.LAN);
        List<String> ranges = a.texts("allowed_ranges");
        if (ranges.isEmpty() && mode == AccessMode.LAN) {
            ranges = OutputAccess.PRIVATE_RANGES.stream().map(Object::toString).toList();
        }
        List<String> allowed = ranges;
        AccessConfig access = a.build(() -> new AccessConfig(mode, allowed, a.optText("token")));
        a.done();
        return access;
    }

    private static OutputUserConfig user(DocumentNode u) {
        OutputUserConfig user = u.build(() -> new OutputUserConfig(
                u.text("username"),
                u.optText("password_hash"),
                u.optText("password"),
                u.instant("expires_at"),
                u.integer("max_connections", 1)));
        u.done();
        return user;
    }
}
