package io.tvarr.domain.config.service;

import io.tvarr.domain.Checks;
import io.tvarr.domain.Redaction;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.account.OutputUser;
import io.tvarr.domain.account.port.in.CreateOutputUserCommand;
import io.tvarr.domain.config.AccessConfig;
import io.tvarr.domain.config.ConfigDocument;
import io.tvarr.domain.config.FilterConfig;
import io.tvarr.domain.config.GuideConfig;
import io.tvarr.domain.config.MappingRuleConfig;
import io.tvarr.domain.config.OutputUserConfig;
import io.tvarr.domain.config.ProxyConfig;
import io.tvarr.domain.config.ProxyFilterConfig;
import io.tvarr.domain.config.ProxyRuleConfig;
import io.tvarr.domain.config.RelayProfileConfig;
import io.tvarr.domain.config.SecretNames;
import io.tvarr.domain.config.SourceConfig;
import io.tvarr.domain.config.port.out.SecretVariables;
import io.tvarr.domain.epg.EpgSourceKind;
import io.tvarr.domain.epg.port.in.SaveEpgSourceCommand;
import io.tvarr.domain.filter.ExpressionDomain;
import io.tvarr.domain.output.AccessMode;
import io.tvarr.domain.output.CidrRange;
import io.tvarr.domain.output.OutputAccess;
import io.tvarr.domain.proxy.DeliveryMode;
import io.tvarr.domain.proxy.ProxyId;
import io.tvarr.domain.proxy.StreamProxy;
import io.tvarr.domain.relay.RelayProfile;
import io.tvarr.domain.relay.RelayProfileId;
import io.tvarr.domain.source.SourceKind;
import io.tvarr.domain.source.port.in.SaveStreamSourceCommand;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import org.jspecify.annotations.Nullable;

/**
 * Checks a whole document before anything changes, and returns it with its {@code ${ENV_NAME}} references
 * resolved. Every problem is named by its place in the document ({@code proxies[2].sources[0]: no source named
 * "X"}); all of them are reported at once. Not thread-safe: one per apply.
 */
final class ConfigCheck {
    private final ConfigParts parts;
    private final SecretVariables secrets;
    private final List<String> problems = new ArrayList<>();

    ConfigCheck(ConfigParts parts, SecretVariables secrets) {
        this.parts = parts;
        this.secrets = secrets;
    }

    /** @throws ValidationException naming every problem found, each with its place */
    ConfigDocument checked(ConfigDocument document, ConfigDocument current, boolean prune) {
        List<SourceConfig> sources = new ArrayList<>();
        unique(document.sources(), SourceConfig::name, "sources");
        for (int i = 0; i < document.sources().size(); i++) {
            sources.add(source(document.sources().get(i), "sources[" + i + "]"));
        }
        List<GuideConfig> guides = new ArrayList<>();
        unique(document.guides(), GuideConfig::name, "guides");
        for (int i = 0; i < document.guides().size(); i++) {
            guides.add(guide(document.guides().get(i), "guides[" + i + "]"));
        }
        unique(document.filters(), FilterConfig::name, "filters");
        for (int i = 0; i < document.filters().size(); i++) {
            filter(document.filters().get(i), "filters[" + i + "]");
        }
        unique(document.mappingRules(), MappingRuleConfig::name, "mapping_rules");
        for (int i = 0; i < document.mappingRules().size(); i++) {
            rule(document.mappingRules().get(i), "mapping_rules[" + i + "]");
        }
        unique(document.relayProfiles(), RelayProfileConfig::name, "relay_profiles");
        for (int i = 0; i < document.relayProfiles().size(); i++) {
            profile(document.relayProfiles().get(i), "relay_profiles[" + i + "]");
        }
        Known known = new Known(document, current, prune);
        ChannelSettingsCheck channels = new ChannelSettingsCheck(
                problems, known.sources, current.proxies(), parts.clock().instant());
        List<ProxyConfig> proxies = new ArrayList<>();
        unique(document.proxies(), ProxyConfig::name, "proxies");
        for (int i = 0; i < document.proxies().size(); i++) {
            proxies.add(proxy(document.proxies().get(i), i, known));
            channels.check(document.proxies().get(i), "proxies[" + i + "]");
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(String.join("; ", problems));
        }
        return new ConfigDocument(
                sources, guides, document.filters(), document.mappingRules(), document.relayProfiles(), proxies);
    }

    /** The names a proxy may refer to: the document's, and without prune the instance's too. */
    private static final class Known {
        final Set<String> sources = new HashSet<>();
        final Set<String> guides = new HashSet<>();
        final Set<String> filters = new HashSet<>();
        final Set<String> rules = new HashSet<>();
        final Set<String> profiles = new HashSet<>();
        /** Slugs and output usernames held by proxies the document leaves alone, by the proxy's name. */
        final Map<String, String> otherSlugs = new HashMap<>();

        final Map<String, String> otherUsers = new HashMap<>();
        /** Output tokens held by proxies the document leaves alone, and by every proxy now, by proxy name. */
        final Map<String, String> otherTokens = new HashMap<>();

        final Map<String, String> currentTokens = new HashMap<>();
        final Map<String, String> slugs = new HashMap<>();
        final Map<String, String> usernames = new HashMap<>();
        /** The document's proxies by output token: the index of the first that gives it. */
        final Map<String, Integer> tokens = new HashMap<>();

        final List<String> proxyNames = new ArrayList<>();

        Known(ConfigDocument document, ConfigDocument current, boolean prune) {
            add(document);
            document.proxies().forEach(p -> proxyNames.add(p.name()));
            Set<String> named = new HashSet<>();
            document.proxies().forEach(p -> named.add(p.name()));
            if (!prune) {
                add(current);
                for (ProxyConfig other : current.proxies()) {
                    if (!named.contains(other.name())) {
                        otherSlugs.put(other.slug(), other.name());
                        other.users().forEach(u -> otherUsers.put(u.username(), other.name()));
                        if (other.access().token() != null) {
                            otherTokens.put(other.access().token(), other.name());
                        }
                    }
                }
            }
            for (ProxyConfig now : current.proxies()) {
                if (now.access().token() != null) {
                    currentTokens.put(now.name(), now.access().token());
                }
            }
        }

        private void add(ConfigDocument d) {
            d.sources().forEach(s -> sources.add(s.name()));
            d.guides().forEach(g -> guides.add(g.name()));
            d.filters().forEach(f -> filters.add(f.name()));
            d.mappingRules().forEach(r -> rules.add(r.name()));
            d.relayProfiles().forEach(p -> profiles.add(p.name()));
        }
    }

    private SourceConfig source(SourceConfig s, String path) {
        SourceConfig resolved = new SourceConfig(
                s.name(),
                s.kind(),
                resolve(s.url(), path + ".url"),
                s.username(),
                s.password() == null ? null : resolve(s.password(), path + ".password"),
                s.userAgent(),
                s.enabled(),
                s.schedule(),
                s.maxConcurrentStreams(),
                s.xtreamOutput(),
                s.includeVod(),
                s.includeSeries(),
                s.streamCheck());
        check(path, () -> {
            new SaveStreamSourceCommand(
                    resolved.name(),
                    resolved.kind(),
                    resolved.url(),
                    resolved.username(),
                    resolved.password(),
                    resolved.userAgent(),
                    resolved.enabled(),
                    resolved.schedule(),
                    resolved.maxConcurrentStreams(),
                    resolved.xtreamOutput(),
                    resolved.includeVod(),
                    resolved.includeSeries());
            if (!problemAt(path + ".url")) {
                Checks.requireFetchableUrl(resolved.url(), "url");
            }
            Checks.requireRange(resolved.maxConcurrentStreams(), 0, 10_000, "max_concurrent_streams");
            if (resolved.kind() == SourceKind.XTREAM && resolved.username() == null) {
                throw new ValidationException("username: required for an xtream source");
            }
            schedule(resolved.schedule());
            parts.schedules()
                    .validate("stream_check.schedule", resolved.streamCheck().schedule());
        });
        return resolved;
    }

    private GuideConfig guide(GuideConfig g, String path) {
        GuideConfig resolved = new GuideConfig(
                g.name(),
                g.kind(),
                resolve(g.url(), path + ".url"),
                g.username(),
                g.password() == null ? null : resolve(g.password(), path + ".password"),
                g.userAgent(),
                g.enabled(),
                g.schedule(),
                g.timeShiftMinutes(),
                g.zone(),
                g.retention());
        check(path, () -> {
            new SaveEpgSourceCommand(
                    resolved.name(),
                    resolved.kind(),
                    resolved.url(),
                    resolved.username(),
                    resolved.password(),
                    resolved.userAgent(),
                    resolved.enabled(),
                    resolved.schedule(),
                    resolved.timeShiftMinutes(),
                    resolved.zone(),
                    resolved.retention());
            if (!problemAt(path + ".url")) {
                Checks.requireFetchableUrl(resolved.url(), "url");
            }
            Checks.requireRange(resolved.timeShiftMinutes(), -1440, 1440, "time_shift_minutes");
            if (resolved.kind() == EpgSourceKind.XTREAM && resolved.username() == null) {
                throw new ValidationException("username: required for an xtream guide");
            }
            schedule(resolved.schedule());
        });
        return resolved;
    }

    private void filter(FilterConfig f, String path) {
        if (!f.domain().isFilter()) {
            problems.add(path + ".domain: " + word(f.domain()) + " (expected: stream_filter or epg_filter)");
            return;
        }
        expression(f.domain(), f.expression(), path);
    }

    private void rule(MappingRuleConfig r, String path) {
        if (r.domain().isFilter()) {
            problems.add(path + ".domain: " + word(r.domain()) + " (expected: stream_mapping or epg_mapping)");
            return;
        }
        expression(r.domain(), r.expression(), path);
    }

    private void expression(ExpressionDomain domain, String expression, String path) {
        parts.expressions()
                .validate(domain, expression)
                .ifPresent(p -> problems.add(path + ".expression: " + p.message() + " (column " + p.column() + ")"));
    }

    private void profile(RelayProfileConfig p, String path) {
        check(
                path,
                () -> new RelayProfile(
                        RelayProfileId.random(),
                        p.name(),
                        p.videoCodec(),
                        p.audioCodec(),
                        p.videoBitrateKbps(),
                        p.audioBitrateKbps(),
                        p.maxHeight(),
                        p.hardwareAcceleration(),
                        p.extraInputArgs(),
                        p.extraOutputArgs(),
                        p.smart()));
    }

    private ProxyConfig proxy(ProxyConfig p, int index, Known known) {
        String path = "proxies[" + index + "]";
        references(p.sources(), known.sources, "source", path + ".sources");
        references(p.guides(), known.guides, "guide", path + ".guides");
        references(
                p.filters().stream().map(ProxyFilterConfig::filter).toList(),
                known.filters,
                "filter",
                path + ".filters");
        references(
                p.mappingRules().stream().map(ProxyRuleConfig::rule).toList(),
                known.rules,
                "mapping rule",
                path + ".mapping_rules");
        if (p.relayProfile() != null && !known.profiles.contains(p.relayProfile())) {
            problems.add(path + ".relay_profile: no relay profile named \"" + p.relayProfile() + "\"");
        }
        if (p.hdhomerunProfile() != null && !known.profiles.contains(p.hdhomerunProfile())) {
            problems.add(path + ".hdhomerun_profile: no relay profile named \"" + p.hdhomerunProfile() + "\"");
        }
        String taken = known.otherSlugs.get(p.slug());
        if (taken != null) {
            problems.add(path + ".slug: \"" + p.slug() + "\" is the slug of the proxy \"" + taken + "\"");
        }
        String twice = known.slugs.putIfAbsent(p.slug(), p.name());
        if (twice != null) {
            problems.add(path + ".slug: \"" + p.slug() + "\" is also the slug of the proxy \"" + twice + "\"");
        }
        Instant now = parts.clock().instant();
        check(path, () -> {
            new StreamProxy(
                    ProxyId.random(),
                    p.name(),
                    p.slug(),
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(),
                    p.numbering(),
                    p.deliveryMode(),
                    p.deliveryMode() == DeliveryMode.TRANSCODE && p.relayProfile() == null
                            ? null
                            : RelayProfileId.random(),
                    p.output(),
                    p.schedule(),
                    now,
                    now);
            schedule(p.schedule());
            Checks.requireRange(p.guideMatchThreshold(), 1, 100, "guide_match_threshold");
        });
        AccessConfig access = access(p.access(), path + ".access");
        token(p, access, index, known);
        List<OutputUserConfig> users = new ArrayList<>();
        for (int j = 0; j < p.users().size(); j++) {
            users.add(user(p.users().get(j), path + ".users[" + j + "]", p.name(), known));
        }
        return p.withAccess(access).withUsers(users);
    }

    /**
     * The store keeps output tokens unique; two proxies given one token are refused here, by their places, before
     * anything is written. The token itself is never named: it is a secret.
     */
    private void token(ProxyConfig p, AccessConfig access, int index, Known known) {
        String path = "proxies[" + index + "].access.token";
        String token = access.token();
        if (token == null && access.mode() == AccessMode.TOKEN) {
            // none given: the proxy keeps the one it has
            token = known.currentTokens.get(p.name());
        }
        if (token == null || problemAt(path)) {
            return;
        }
        String other = known.otherTokens.get(token);
        if (other != null) {
            problems.add(path + ": the token of the proxy \"" + other + "\" (expected: a token of its own)");
        }
        Integer first = known.tokens.putIfAbsent(token, index);
        if (first != null) {
            problems.add(path + ": the same token as proxies[" + first + "] (\"" + known.proxyNames.get(first) + "\")");
        }
    }

    private void references(List<String> names, Set<String> known, String kind, String path) {
        Set<String> seen = new HashSet<>();
        for (int j = 0; j < names.size(); j++) {
            String name = names.get(j);
            if (!known.contains(name)) {
                problems.add(path + "[" + j + "]: no " + kind + " named \"" + name + "\"");
            } else if (!seen.add(name)) {
                problems.add(path + "[" + j + "]: \"" + name + "\" is listed twice");
            }
        }
    }

    private AccessConfig access(AccessConfig a, String path) {
        String token = a.token() == null ? null : resolve(a.token(), path + ".token");
        List<CidrRange> ranges = new ArrayList<>();
        for (int k = 0; k < a.allowedRanges().size(); k++) {
            String at = path + ".allowed_ranges[" + k + "]";
            String text = a.allowedRanges().get(k);
            check(path, () -> ranges.add(CidrRange.parse(text, at.substring(path.length() + 1))));
        }
        if (ranges.size() == a.allowedRanges().size()) {
            // a missing token is made on apply; any well-formed one stands in for it here
            String probe = a.mode() == AccessMode.TOKEN && (token == null || problemAt(path + ".token"))
                    ? "x".repeat(32)
                    : token;
            check(path, () -> new OutputAccess(ProxyId.random(), a.mode(), ranges, probe));
        }
        return new AccessConfig(a.mode(), a.allowedRanges(), token);
    }

    private OutputUserConfig user(OutputUserConfig u, String path, String proxy, Known known) {
        String elsewhere = known.otherUsers.get(u.username());
        if (elsewhere != null) {
            problems.add(path + ".username: \"" + u.username() + "\" is a user of the proxy \"" + elsewhere + "\"");
        }
        String twice = known.usernames.putIfAbsent(u.username(), proxy);
        if (twice != null) {
            problems.add(
                    path + ".username: \"" + u.username() + "\" is listed twice (also in the proxy \"" + twice + "\")");
        }
        if ((u.password() == null) == (u.passwordHash() == null)) {
            problems.add(path + ": give either password or password_hash");
            return u;
        }
        String password = u.password() == null ? null : resolve(u.password(), path + ".password");
        String hash = u.passwordHash() == null ? null : resolve(u.passwordHash(), path + ".password_hash");
        check(path, () -> {
            OutputUser.requireUsername(u.username());
            Checks.requireRange(u.maxConnections(), 1, 100, "max_connections");
            if (password != null && !problemAt(path + ".password")) {
                new CreateOutputUserCommand(u.username(), password, u.expiresAt(), u.maxConnections());
            }
        });
        return new OutputUserConfig(u.username(), hash, password, u.expiresAt(), u.maxConnections());
    }

    private void schedule(@Nullable String schedule) {
        if (schedule != null) {
            parts.schedules().validate("schedule", schedule);
        }
    }

    /** Replaces each {@code ${NAME}} by the variable's value; an unset one is a problem at {@code path}. */
    private String resolve(String value, String path) {
        Matcher reference = SecretNames.REFERENCE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (reference.find()) {
            String name = reference.group(1);
            Optional<String> set = secrets.lookup(name);
            if (set.isEmpty()) {
                problems.add(path + ": ${" + name + "} is not set (expected: the environment variable " + name + ")");
            }
            // an unset one stays as written, so the checks after it see the same shape and skip it
            reference.appendReplacement(out, Matcher.quoteReplacement(set.orElse(reference.group())));
        }
        reference.appendTail(out);
        return out.toString();
    }

    private boolean problemAt(String path) {
        return problems.stream().anyMatch(p -> p.startsWith(path + ":"));
    }

    private void check(String path, Runnable rule) {
        try {
            rule.run();
        } catch (ValidationException e) {
            // messages name the field first ("url: ..."); a URL in them may carry a resolved secret
            problems.add(path + "." + Redaction.redactUrl(e.getMessage()));
        }
    }

    private <T> void unique(List<T> items, Function<T, String> name, String kind) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            Integer first = seen.putIfAbsent(name.apply(items.get(i)), i);
            if (first != null) {
                problems.add(kind + "[" + i + "].name: \"" + name.apply(items.get(i)) + "\" is already the name of "
                        + kind + "[" + first + "]");
            }
        }
    }

    private static String word(ExpressionDomain domain) {
        return domain.name().toLowerCase(java.util.Locale.ROOT);
    }
}
