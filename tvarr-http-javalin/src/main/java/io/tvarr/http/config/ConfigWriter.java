package io.tvarr.http.config;

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
import io.tvarr.domain.proxy.OutputSettings;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Turns a document into the tree {@link ConfigReader} reads back: every setting written, absent values left out. */
final class ConfigWriter {
    private ConfigWriter() {}

    static Map<String, Object> document(ConfigDocument d) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("version", ConfigReader.VERSION);
        root.put("sources", d.sources().stream().map(ConfigWriter::source).toList());
        root.put("guides", d.guides().stream().map(ConfigWriter::guide).toList());
        root.put("filters", d.filters().stream().map(ConfigWriter::filter).toList());
        root.put(
                "mapping_rules",
                d.mappingRules().stream().map(ConfigWriter::rule).toList());
        root.put(
                "relay_profiles",
                d.relayProfiles().stream().map(ConfigWriter::profile).toList());
        root.put("proxies", d.proxies().stream().map(ConfigWriter::proxy).toList());
        return root;
    }

    private static Map<String, Object> source(SourceConfig s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.name());
        m.put("kind", word(s.kind()));
        m.put("url", s.url());
        put(m, "username", s.username());
        put(m, "password", s.password());
        put(m, "user_agent", s.userAgent());
        m.put("enabled", s.enabled());
        put(m, "schedule", s.schedule());
        m.put("max_concurrent_streams", s.maxConcurrentStreams());
        m.put("xtream_output", word(s.xtreamOutput()));
        m.put("include_vod", s.includeVod());
        m.put("include_series", s.includeSeries());
        Map<String, Object> check = new LinkedHashMap<>();
        check.put("enabled", s.streamCheck().enabled());
        check.put("schedule", s.streamCheck().schedule());
        check.put("max_checks_per_run", s.streamCheck().maxChecksPerRun());
        m.put("stream_check", check);
        return m;
    }

    private static Map<String, Object> guide(GuideConfig g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", g.name());
        m.put("kind", word(g.kind()));
        m.put("url", g.url());
        put(m, "username", g.username());
        put(m, "password", g.password());
        put(m, "user_agent", g.userAgent());
        m.put("enabled", g.enabled());
        put(m, "schedule", g.schedule());
        m.put("time_shift_minutes", g.timeShiftMinutes());
        m.put("zone", g.zone().getId());
        m.put("retention_days_back", g.retention().daysBack());
        m.put("retention_days_ahead", g.retention().daysAhead());
        return m;
    }

    private static Map<String, Object> filter(FilterConfig f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", f.name());
        m.put("domain", word(f.domain()));
        m.put("action", word(f.action()));
        m.put("expression", f.expression());
        return m;
    }

    private static Map<String, Object> rule(MappingRuleConfig r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", r.name());
        m.put("domain", word(r.domain()));
        m.put("expression", r.expression());
        m.put("enabled", r.enabled());
        m.put("stop_on_match", r.stopOnMatch());
        return m;
    }

    private static Map<String, Object> profile(RelayProfileConfig p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        m.put("video_codec", word(p.videoCodec()));
        m.put("audio_codec", word(p.audioCodec()));
        m.put("video_bitrate_kbps", p.videoBitrateKbps());
        m.put("audio_bitrate_kbps", p.audioBitrateKbps());
        m.put("max_height", p.maxHeight());
        m.put("hwaccel", word(p.hardwareAcceleration()));
        m.put("extra_input_args", p.extraInputArgs());
        m.put("extra_output_args", p.extraOutputArgs());
        m.put("smart", p.smart());
        return m;
    }

    private static Map<String, Object> proxy(ProxyConfig p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        m.put("slug", p.slug());
        m.put("sources", p.sources());
        m.put("guides", p.guides());
        m.put("filters", p.filters().stream().map(ConfigWriter::proxyFilter).toList());
        m.put(
                "mapping_rules",
                p.mappingRules().stream().map(ConfigWriter::proxyRule).toList());
        Map<String, Object> numbering = new LinkedHashMap<>();
        numbering.put("mode", word(p.numbering().mode()));
        numbering.put("start", p.numbering().start());
        numbering.put("block_size", p.numbering().blockSize());
        m.put("numbering", numbering);
        m.put("delivery_mode", word(p.deliveryMode()));
        put(m, "relay_profile", p.relayProfile());
        put(m, "hdhomerun_profile", p.hdhomerunProfile());
        m.put("output", output(p.output()));
        Map<String, Object> doors = new LinkedHashMap<>();
        doors.put("hdhomerun", p.output().hdhomerun());
        doors.put("xtream_vod", p.output().xtreamVod());
        m.put("doors", doors);
        put(m, "schedule", p.schedule());
        m.put("failover", Map.of("merge_by", word(p.mergeBy())));
        m.put("guide_matching", Map.of("threshold", p.guideMatchThreshold()));
        m.put("access", access(p.access()));
        m.put("users", p.users().stream().map(ConfigWriter::user).toList());
        ProxyChannelsConfig c = p.channels();
        m.put("manual_channels", c.manual().stream().map(ConfigWriter::manual).toList());
        m.put("overrides", c.overrides().stream().map(ConfigWriter::override).toList());
        m.put("guide_pins", c.guidePins().stream().map(ConfigWriter::pin).toList());
        m.put(
                "alternates",
                c.alternates().stream().map(ConfigWriter::alternates).toList());
        return m;
    }

    private static Map<String, Object> manual(ManualChannelConfig c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("name", c.name());
        m.put("stream_url", c.streamUrl());
        put(m, "tvg_id", c.tvgId());
        put(m, "logo_url", c.logoUrl());
        put(m, "group", c.group());
        put(m, "number", c.number());
        put(m, "guide_channel", c.guideChannel());
        return m;
    }

    private static Map<String, Object> override(ChannelOverrideConfig o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("channel", channel(o.channel()));
        put(m, "name", o.name());
        put(m, "number", o.number());
        put(m, "group", o.group());
        put(m, "logo_url", o.logoUrl());
        put(m, "tvg_id", o.tvgId());
        m.put("hidden", o.hidden());
        return m;
    }

    private static Map<String, Object> pin(GuidePinConfig p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("channel", channel(p.channel()));
        m.put("guide_channel", p.guideChannel());
        return m;
    }

    private static Map<String, Object> alternates(AlternatesConfig a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("channel", channel(a.channel()));
        m.put("alternates", a.alternates().stream().map(ConfigWriter::channel).toList());
        return m;
    }

    private static Map<String, Object> channel(ChannelRef r) {
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "source", r.source());
        put(m, "key", r.key());
        put(m, "manual", r.manual());
        return m;
    }

    private static Object proxyRule(ProxyRuleConfig r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rule", r.rule());
        m.put("active", r.active());
        return m;
    }

    private static Object proxyFilter(ProxyFilterConfig f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("filter", f.filter());
        m.put("active", f.active());
        return m;
    }

    private static Map<String, Object> output(OutputSettings o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("include_channel_number", o.includeChannelNumber());
        put(m, "group_title_override", o.groupTitleOverride());
        m.put("url_tvg_header", o.urlTvgHeader());
        m.put("cache_logos", o.cacheLogos());
        m.put("deduplicate_streams", o.deduplicateStreams());
        m.put("epg_days_back", o.epgDaysBack());
        m.put("epg_days_ahead", o.epgDaysAhead());
        m.put("keep_guide_extras", o.keepGuideExtras());
        return m;
    }

    private static Map<String, Object> access(AccessConfig a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mode", word(a.mode()));
        m.put("allowed_ranges", a.allowedRanges());
        put(m, "token", a.token());
        return m;
    }

    private static Map<String, Object> user(OutputUserConfig u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("username", u.username());
        put(m, "password_hash", u.passwordHash());
        put(m, "password", u.password());
        put(m, "expires_at", u.expiresAt() == null ? null : u.expiresAt().toString());
        m.put("max_connections", u.maxConnections());
        return m;
    }

    private static void put(Map<String, Object> m, String key, @Nullable Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    private static String word(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
