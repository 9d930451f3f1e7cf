package io.tvarr.domain.config.service;

import io.tvarr.domain.account.OutputUser;
import io.tvarr.domain.account.OutputUserId;
import io.tvarr.domain.config.AccessConfig;
import io.tvarr.domain.config.ConfigChange;
import io.tvarr.domain.config.ConfigChange.Action;
import io.tvarr.domain.config.OutputUserConfig;
import io.tvarr.domain.config.ProxyConfig;
import io.tvarr.domain.epg.EpgSource;
import io.tvarr.domain.failover.ProxyFailover;
import io.tvarr.domain.filter.Filter;
import io.tvarr.domain.mapping.DataMappingRule;
import io.tvarr.domain.output.AccessMode;
import io.tvarr.domain.output.CidrRange;
import io.tvarr.domain.output.OutputAccess;
import io.tvarr.domain.output.port.in.ChangeOutputAccessCommand;
import io.tvarr.domain.proxy.GuideMatchSettings;
import io.tvarr.domain.proxy.ProxyFilter;
import io.tvarr.domain.proxy.ProxyId;
import io.tvarr.domain.proxy.ProxyMappingRule;
import io.tvarr.domain.proxy.StreamProxy;
import io.tvarr.domain.proxy.port.in.SaveProxyCommand;
import io.tvarr.domain.relay.RelayProfile;
import io.tvarr.domain.source.StreamSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Brings the proxies to match the document: deletes the ones it does not name (with prune) first, so their slugs
 * and usernames are free; then creates and updates each with its failover, guide matching and output access; then
 * its output users. Not thread-safe: one per apply.
 */
final class ProxyApplier {
    /** The settings {@link SaveProxyCommand} carries; the rest are changed through their own use cases. */
    private static final Set<String> SAVED = Set.of(
            "name",
            "slug",
            "sources",
            "guides",
            "filters",
            "mapping_rules",
            "numbering",
            "delivery_mode",
            "relay_profile",
            "output",
            "schedule");

    private final ConfigParts parts;
    private final List<ConfigChange> changes;
    private final boolean dryRun;

    ProxyApplier(ConfigParts parts, List<ConfigChange> changes, boolean dryRun) {
        this.parts = parts;
        this.changes = changes;
        this.dryRun = dryRun;
    }

    void apply(List<ProxyConfig> desired, List<ProxyConfig> current, boolean prune) {
        Map<String, ProxyConfig> now = new HashMap<>();
        current.forEach(p -> now.put(p.name(), p));
        Set<String> named = new HashSet<>();
        desired.forEach(p -> named.add(p.name()));
        if (prune) {
            for (ProxyConfig gone : current) {
                if (!named.contains(gone.name())) {
                    changes.add(new ConfigChange(Action.DELETE, "proxy", gone.name(), List.of()));
                    if (!dryRun) {
                        parts.proxies().delete(proxyNamed(gone.name()).id());
                    }
                }
            }
        }
        for (ProxyConfig want : desired) {
            ProxyConfig have = now.get(want.name());
            if (have == null) {
                create(want);
            } else {
                update(have, want);
            }
        }
        users(desired, current, prune);
    }

    private void create(ProxyConfig want) {
        changes.add(new ConfigChange(Action.CREATE, "proxy", want.name(), List.of()));
        if (dryRun) {
            return;
        }
        StreamProxy proxy = parts.proxies().create(command(want));
        if (want.mergeBy() != ProxyFailover.NONE.mergeBy()) {
            parts.failover().change(proxy.id().toString(), new ProxyFailover(want.mergeBy(), List.of()));
        }
        if (want.guideMatchThreshold() != GuideMatchSettings.DEFAULT.threshold()) {
            parts.guideMatching().configure(proxy.id(), new GuideMatchSettings(want.guideMatchThreshold()));
        }
        if (!want.access().equals(defaults(proxy.id()))) {
            access(proxy.id(), want.access());
        }
    }

    private void update(ProxyConfig have, ProxyConfig want) {
        ProxyConfig target = want;
        if (want.access().mode() == AccessMode.TOKEN
                && want.access().token() == null
                && have.access().mode() == AccessMode.TOKEN) {
            // no token given: the one the proxy has is kept
            target = want.withAccess(have.access());
        }
        List<String> fields = Differences.between(have.withoutUsers(), target.withoutUsers());
        if (fields.isEmpty()) {
            return;
        }
        changes.add(new ConfigChange(Action.UPDATE, "proxy", want.name(), fields));
        if (dryRun) {
            return;
        }
        ProxyId id = proxyNamed(want.name()).id();
        if (fields.stream().anyMatch(SAVED::contains)) {
            parts.proxies().update(id, command(want));
        }
        if (fields.contains("merge_by")) {
            ProxyFailover failover = parts.failover().failover(id.toString());
            // alternates listed by hand name channels, which a document does not hold: they stay
            parts.failover().change(id.toString(), new ProxyFailover(want.mergeBy(), failover.manual()));
        }
        if (fields.contains("guide_match_threshold")) {
            parts.guideMatching().configure(id, new GuideMatchSettings(want.guideMatchThreshold()));
        }
        if (fields.contains("access")) {
            access(id, target.access());
        }
    }

    private AccessConfig defaults(ProxyId id) {
        OutputAccess access = OutputAccess.defaults(id);
        return new AccessConfig(
                access.mode(),
                access.allowedRanges().stream().map(CidrRange::toString).toList(),
                null);
    }

    private void access(ProxyId id, AccessConfig access) {
        if (access.token() != null) {
            List<CidrRange> ranges =
                    access.allowedRanges().stream().map(CidrRange::parse).toList();
            parts.accessStore().save(new OutputAccess(id, access.mode(), ranges, access.token()));
        } else {
            parts.access().change(id, ChangeOutputAccessCommand.of(access.mode(), access.allowedRanges()));
        }
    }

    /** Users by username across proxies: one that moves to another proxy is made again there. */
    private void users(List<ProxyConfig> desired, List<ProxyConfig> current, boolean prune) {
        Map<String, String> proxyOf = new HashMap<>();
        Map<String, OutputUserConfig> stored = new HashMap<>();
        for (ProxyConfig proxy : current) {
            for (OutputUserConfig user : proxy.users()) {
                proxyOf.put(user.username(), proxy.name());
                stored.put(user.username(), user);
            }
        }
        Set<String> listed = new HashSet<>();
        for (ProxyConfig proxy : desired) {
            for (OutputUserConfig want : proxy.users()) {
                listed.add(want.username());
                user(proxy.name(), want, stored.get(want.username()), proxyOf.get(want.username()));
            }
        }
        if (!prune) {
            return;
        }
        Set<String> kept = new HashSet<>();
        desired.forEach(p -> kept.add(p.name()));
        for (Map.Entry<String, String> entry : proxyOf.entrySet()) {
            if (!listed.contains(entry.getKey()) && kept.contains(entry.getValue())) {
                changes.add(new ConfigChange(
                        Action.DELETE, "output_user", entry.getValue() + "/" + entry.getKey(), List.of()));
                if (!dryRun) {
                    remove(entry.getKey());
                }
            }
        }
    }

    private void user(
            String proxy, OutputUserConfig want, @Nullable OutputUserConfig have, @Nullable String haveProxy) {
        String name = proxy + "/" + want.username();
        if (have == null) {
            changes.add(new ConfigChange(Action.CREATE, "output_user", name, List.of()));
        } else {
            List<String> fields = new ArrayList<>();
            if (!proxy.equals(haveProxy)) {
                fields.add("proxy");
            }
            if (want.passwordHash() != null
                    ? !want.passwordHash().equals(have.passwordHash())
                    : !parts.hasher().matches(want.password(), have.passwordHash())) {
                fields.add("password");
            }
            if (!java.util.Objects.equals(want.expiresAt(), have.expiresAt())) {
                fields.add("expires_at");
            }
            if (want.maxConnections() != have.maxConnections()) {
                fields.add("max_connections");
            }
            if (fields.isEmpty()) {
                return;
            }
            changes.add(new ConfigChange(Action.UPDATE, "output_user", name, fields));
        }
        if (dryRun) {
            return;
        }
        ProxyId target = proxyNamed(proxy).id();
        OutputUser stored = parts.users().findByUsername(want.username()).orElse(null);
        if (stored != null && stored.proxy().equals(target)) {
            // changed in place: the user's id, which its sessions and connection count go by, stays
            String hash = want.passwordHash() != null
                    ? want.passwordHash()
                    : parts.hasher().matches(want.password(), stored.passwordHash())
                            ? stored.passwordHash()
                            : parts.hasher().hash(want.password());
            parts.users()
                    .update(new OutputUser(
                            stored.id(),
                            target,
                            want.username(),
                            hash,
                            want.expiresAt(),
                            want.maxConnections(),
                            stored.createdAt()));
            return;
        }
        if (stored != null) {
            // a user belongs to one proxy for good (its sessions are that proxy's): moving is made again there
            remove(want.username());
        }
        String hash = want.passwordHash() != null
                ? want.passwordHash()
                : parts.hasher().hash(want.password());
        parts.users()
                .insert(new OutputUser(
                        OutputUserId.random(),
                        target,
                        want.username(),
                        hash,
                        want.expiresAt(),
                        want.maxConnections(),
                        parts.clock().instant()));
    }

    private void remove(String username) {
        parts.users().findByUsername(username).ifPresent(u -> parts.users().delete(u.proxy(), u.id()));
    }

    private SaveProxyCommand command(ProxyConfig p) {
        List<StreamSource> sources = parts.sources().list();
        List<EpgSource> guides = parts.guides().list();
        List<Filter> filters = parts.filters().list();
        List<DataMappingRule> rules = parts.mappingRules().list();
        return new SaveProxyCommand(
                p.name(),
                p.slug(),
                p.sources().stream()
                        .map(n -> ConfigApplier.named(sources, StreamSource::name, n, "source")
                                .id())
                        .toList(),
                p.guides().stream()
                        .map(n -> ConfigApplier.named(guides, EpgSource::name, n, "guide")
                                .id())
                        .toList(),
                p.filters().stream()
                        .map(f -> new ProxyFilter(
                                ConfigApplier.named(filters, Filter::name, f.filter(), "filter")
                                        .id(),
                                f.active()))
                        .toList(),
                p.mappingRules().stream()
                        .map(r -> new ProxyMappingRule(
                                ConfigApplier.named(rules, DataMappingRule::name, r.rule(), "mapping rule")
                                        .id(),
                                r.active()))
                        .toList(),
                p.numbering(),
                p.deliveryMode(),
                p.relayProfile() == null
                        ? null
                        : ConfigApplier.named(
                                        parts.relayProfiles().list(),
                                        RelayProfile::name,
                                        p.relayProfile(),
                                        "relay profile")
                                .id(),
                p.output()
                        .withHdhomerunProfile(
                                p.hdhomerunProfile() == null
                                        ? null
                                        : ConfigApplier.named(
                                                        parts.relayProfiles().list(),
                                                        RelayProfile::name,
                                                        p.hdhomerunProfile(),
                                                        "relay profile")
                                                .id()),
                p.schedule());
    }

    private StreamProxy proxyNamed(String name) {
        return ConfigApplier.named(parts.proxies().list(), StreamProxy::name, name, "proxy");
    }
}
