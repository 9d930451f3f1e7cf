package io.tvarr.domain.config.service;

import io.tvarr.domain.ConflictException;
import io.tvarr.domain.Redaction;
import io.tvarr.domain.account.OutputUser;
import io.tvarr.domain.config.AccessConfig;
import io.tvarr.domain.config.ConfigDocument;
import io.tvarr.domain.config.FilterConfig;
import io.tvarr.domain.config.GuideConfig;
import io.tvarr.domain.config.MappingRuleConfig;
import io.tvarr.domain.config.OutputUserConfig;
import io.tvarr.domain.config.ProxyChannelsConfig;
import io.tvarr.domain.config.ProxyConfig;
import io.tvarr.domain.config.ProxyFilterConfig;
import io.tvarr.domain.config.ProxyRuleConfig;
import io.tvarr.domain.config.RelayProfileConfig;
import io.tvarr.domain.config.SecretNames;
import io.tvarr.domain.config.SourceConfig;
import io.tvarr.domain.config.port.in.ExportConfigUseCase;
import io.tvarr.domain.epg.EpgSource;
import io.tvarr.domain.filter.Filter;
import io.tvarr.domain.mapping.DataMappingRule;
import io.tvarr.domain.output.CidrRange;
import io.tvarr.domain.output.OutputAccess;
import io.tvarr.domain.proxy.StreamProxy;
import io.tvarr.domain.relay.RelayProfile;
import io.tvarr.domain.source.Credentials;
import io.tvarr.domain.source.StreamSource;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads every setting as a {@link ConfigDocument}. For export, secrets become {@code ${ENV_NAME}} references; for
 * the comparison an apply makes, {@link #current} reveals them, and that document never leaves the domain.
 */
public final class ConfigExporter implements ExportConfigUseCase {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ConfigExporter.class);

    private final ConfigParts parts;

    public ConfigExporter(ConfigParts parts) {
        this.parts = parts;
    }

    @Override
    public ConfigDocument export() {
        ConfigDocument document = read(false);
        distinctVariables(document);
        document.warnings().forEach(w -> log.warn("configuration export left a setting out reason={}", w));
        return document;
    }

    /**
     * Two names that differ only in other characters than letters and digits ("A-b", "a b") would share a variable,
     * and an apply would give both the same secret: refused, naming both.
     */
    private static void distinctVariables(ConfigDocument document) {
        Map<String, String> owner = new HashMap<>();
        List<String[]> uses = new java.util.ArrayList<>();
        document.sources().forEach(s -> uses.add(new String[] {"source", s.name(), s.url(), s.password()}));
        document.guides().forEach(g -> uses.add(new String[] {"guide", g.name(), g.url(), g.password()}));
        document.proxies()
                .forEach(p ->
                        uses.add(new String[] {"proxy", p.name(), p.access().token(), null}));
        for (String[] use : uses) {
            for (int i = 2; i < use.length; i++) {
                String value = use[i];
                if (value == null || !SecretNames.holdsReference(value)) {
                    continue;
                }
                String other = owner.putIfAbsent(value, use[0] + " \"" + use[1] + "\"");
                if (other != null) {
                    throw new ConflictException(use[0] + "s: \"" + use[1] + "\" and " + other + " would share the"
                            + " variable " + value + " (expected: names that differ in letters or digits; rename one)");
                }
            }
        }
    }

    /** The instance as it is, secrets in clear: only to compare with a document being applied. */
    ConfigDocument current() {
        return read(true);
    }

    private ConfigDocument read(boolean reveal) {
        List<StreamSource> sources = sorted(parts.sources().list(), StreamSource::name, "sources");
        List<EpgSource> guides = sorted(parts.guides().list(), EpgSource::name, "guides");
        List<Filter> filters = sorted(parts.filters().list(), Filter::name, "filters");
        List<DataMappingRule> rules = parts.mappingRules().list();
        unique(rules, DataMappingRule::name, "mapping_rules");
        List<RelayProfile> profiles = sorted(parts.relayProfiles().list(), RelayProfile::name, "relay_profiles");
        List<StreamProxy> proxies = sorted(parts.proxies().list(), StreamProxy::name, "proxies");
        Names names = new Names(
                byId(sources, s -> s.id().toString(), StreamSource::name),
                byId(guides, g -> g.id().toString(), EpgSource::name),
                byId(filters, f -> f.id().toString(), Filter::name),
                byId(rules, r -> r.id().toString(), DataMappingRule::name),
                byId(profiles, p -> p.id().toString(), RelayProfile::name));
        List<String> warnings = new java.util.ArrayList<>();
        ChannelSettingsReader channels = new ChannelSettingsReader(parts, names.sources(), warnings);
        List<ProxyConfig> proxyConfigs = proxies.stream()
                .map(p -> proxy(p, names, reveal).withChannels(channels.read(p)))
                .toList();
        return new ConfigDocument(
                sources.stream().map(s -> source(s, reveal)).toList(),
                guides.stream().map(g -> guide(g, reveal)).toList(),
                filters.stream()
                        .map(f -> new FilterConfig(f.name(), f.domain(), f.action(), f.expression()))
                        .toList(),
                rules.stream()
                        .map(r -> new MappingRuleConfig(
                                r.name(), r.domain(), r.expression(), r.enabled(), r.stopOnMatch()))
                        .toList(),
                profiles.stream().map(ConfigExporter::profile).toList(),
                proxyConfigs,
                warnings);
    }

    private record Names(
            Map<String, String> sources,
            Map<String, String> guides,
            Map<String, String> filters,
            Map<String, String> rules,
            Map<String, String> profiles) {}

    private SourceConfig source(StreamSource s, boolean reveal) {
        Credentials login = s.credentials();
        return new SourceConfig(
                s.name(),
                s.kind(),
                url(s.url().toString(), "source", s.name(), reveal),
                login == null ? null : login.username(),
                login == null ? null : password(login.password(), "source", s.name(), reveal),
                s.userAgent(),
                s.enabled(),
                s.schedule(),
                s.maxConcurrentStreams(),
                s.xtreamOutput(),
                s.includeVod(),
                s.includeSeries(),
                parts.streamChecks().settings(s.id()));
    }

    private static GuideConfig guide(EpgSource g, boolean reveal) {
        Credentials login = g.credentials();
        return new GuideConfig(
                g.name(),
                g.kind(),
                url(g.url().toString(), "guide", g.name(), reveal),
                login == null ? null : login.username(),
                login == null ? null : password(login.password(), "guide", g.name(), reveal),
                g.userAgent(),
                g.enabled(),
                g.schedule(),
                g.timeShiftMinutes(),
                g.zone(),
                g.retention());
    }

    /** A URL whose redacted form differs holds credentials: the whole URL becomes a reference. */
    private static String url(String url, String kind, String name, boolean reveal) {
        return reveal || Redaction.redactUrl(url).equals(url) ? url : SecretNames.reference(kind, name, "url");
    }

    private static String password(String password, String kind, String name, boolean reveal) {
        return reveal || password.isEmpty() ? password : SecretNames.reference(kind, name, "password");
    }

    private static RelayProfileConfig profile(RelayProfile p) {
        return new RelayProfileConfig(
                p.name(),
                p.videoCodec(),
                p.audioCodec(),
                p.videoBitrateKbps(),
                p.audioBitrateKbps(),
                p.maxHeight(),
                p.hardwareAcceleration(),
                p.extraInputArgs(),
                p.extraOutputArgs(),
                p.smart());
    }

    private ProxyConfig proxy(StreamProxy p, Names names, boolean reveal) {
        OutputAccess access = parts.access().read(p.id());
        String token = access.token();
        if (token != null && !reveal) {
            token = SecretNames.reference("proxy", p.name(), "token");
        }
        List<OutputUserConfig> users = parts.users().findByProxy(p.id()).stream()
                .sorted(Comparator.comparing(OutputUser::username))
                .map(u -> new OutputUserConfig(u.username(), u.passwordHash(), null, u.expiresAt(), u.maxConnections()))
                .toList();
        return new ProxyConfig(
                p.name(),
                p.slug(),
                p.sources().stream().map(id -> name(names.sources(), id)).toList(),
                p.epgSources().stream().map(id -> name(names.guides(), id)).toList(),
                p.filters().stream()
                        .map(f -> new ProxyFilterConfig(name(names.filters(), f.filterId()), f.active()))
                        .toList(),
                p.mappingRules().stream()
                        .map(r -> new ProxyRuleConfig(name(names.rules(), r.ruleId()), r.active()))
                        .toList(),
                p.numbering(),
                p.deliveryMode(),
                p.relayProfile() == null ? null : name(names.profiles(), p.relayProfile()),
                p.output().hdhomerunProfile() == null
                        ? null
                        : name(names.profiles(), p.output().hdhomerunProfile()),
                // the profile goes by name above: ids differ between instances
                p.output().withHdhomerunProfile(null),
                p.schedule(),
                parts.failover().failover(p.id().toString()).mergeBy(),
                parts.guideMatching().settings(p.id()).threshold(),
                new AccessConfig(
                        access.mode(),
                        access.allowedRanges().stream().map(CidrRange::toString).toList(),
                        token),
                users,
                ProxyChannelsConfig.NONE);
    }

    private static String name(Map<String, String> names, Object id) {
        // the store's references keep ids pointing at existing rows; the id itself is the last resort
        return names.getOrDefault(id.toString(), id.toString());
    }

    private static <T> List<T> sorted(List<T> items, Function<T, String> name, String kind) {
        unique(items, name, kind);
        return items.stream().sorted(Comparator.comparing(name)).toList();
    }

    private static <T> void unique(List<T> items, Function<T, String> name, String kind) {
        Set<String> seen = new HashSet<>();
        for (T item : items) {
            if (!seen.add(name.apply(item))) {
                throw new ConflictException(kind + ": two are named \"" + name.apply(item)
                        + "\" (expected: unique names, by which a configuration document refers to them;"
                        + " rename one)");
            }
        }
    }

    private static <T> Map<String, String> byId(List<T> items, Function<T, String> id, Function<T, String> name) {
        Map<String, String> map = new HashMap<>();
        items.forEach(item -> map.put(id.apply(item), name.apply(item)));
        return map;
    }
}
