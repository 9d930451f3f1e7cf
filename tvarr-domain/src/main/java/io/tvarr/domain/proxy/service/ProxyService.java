package io.tvarr.domain.proxy.service;

import io.tvarr.domain.NotFoundException;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.epg.EpgSourceId;
import io.tvarr.domain.epg.port.out.EpgSourceRepository;
import io.tvarr.domain.filter.port.out.FilterRepository;
import io.tvarr.domain.job.port.out.CronSchedules;
import io.tvarr.domain.mapping.port.out.DataMappingRuleRepository;
import io.tvarr.domain.proxy.ProxyFilter;
import io.tvarr.domain.proxy.ProxyId;
import io.tvarr.domain.proxy.ProxyMappingRule;
import io.tvarr.domain.proxy.StreamProxy;
import io.tvarr.domain.proxy.port.in.ManageProxiesUseCase;
import io.tvarr.domain.proxy.port.in.SaveProxyCommand;
import io.tvarr.domain.proxy.port.out.StreamProxyRepository;
import io.tvarr.domain.relay.port.out.RelayProfileRepository;
import io.tvarr.domain.source.SourceId;
import io.tvarr.domain.source.port.out.StreamSourceRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Proxy management with reference checks, so generation never meets a dangling id. */
public final class ProxyService implements ManageProxiesUseCase {
    private final StreamProxyRepository proxies;
    private final References references;
    private final CronSchedules schedules;
    private final Clock clock;

    /** The repositories whose ids a proxy refers to. */
    public record References(
            StreamSourceRepository sources,
            EpgSourceRepository epgSources,
            FilterRepository filters,
            DataMappingRuleRepository rules,
            RelayProfileRepository relayProfiles) {}

    public ProxyService(StreamProxyRepository proxies, References references, CronSchedules schedules, Clock clock) {
        this.schedules = schedules;
        this.proxies = proxies;
        this.references = references;
        this.clock = clock;
    }

    @Override
    public StreamProxy create(SaveProxyCommand command) {
        Instant now = clock.instant();
        StreamProxy proxy = build(ProxyId.random(), command, now, now);
        proxies.insert(proxy);
        return proxy;
    }

    @Override
    public StreamProxy update(ProxyId id, SaveProxyCommand command) {
        StreamProxy existing = get(id);
        StreamProxy proxy = build(id, command, existing.createdAt(), clock.instant());
        proxies.update(proxy);
        return proxy;
    }

    @Override
    public void delete(ProxyId id) {
        if (!proxies.delete(id)) {
            throw new NotFoundException("proxy " + id + ": not found");
        }
    }

    @Override
    public StreamProxy get(ProxyId id) {
        return proxies.findById(id).orElseThrow(() -> new NotFoundException("proxy " + id + ": not found"));
    }

    @Override
    public StreamProxy find(String idOrSlug) {
        if (isUuid(idOrSlug)) {
            var byId = proxies.findById(ProxyId.parse(idOrSlug));
            if (byId.isPresent()) {
                return byId.get();
            }
        }
        return proxies.findBySlug(idOrSlug)
                .orElseThrow(() -> new NotFoundException("proxy '" + idOrSlug + "': not found"));
    }

    @Override
    public List<StreamProxy> list() {
        return proxies.findAll();
    }

    private StreamProxy build(ProxyId id, SaveProxyCommand c, Instant created, Instant now) {
        if (c.schedule() != null) {
            schedules.validate("schedule", c.schedule());
        }
        for (SourceId source : c.sources()) {
            require(references.sources().findById(source).isPresent(), "sources", source.toString());
        }
        for (EpgSourceId guide : c.epgSources()) {
            require(references.epgSources().findById(guide).isPresent(), "epg_sources", guide.toString());
        }
        for (ProxyFilter filter : c.filters()) {
            require(
                    references.filters().findById(filter.filterId()).isPresent(),
                    "filters",
                    filter.filterId().toString());
        }
        for (ProxyMappingRule rule : c.mappingRules()) {
            require(
                    references.rules().findById(rule.ruleId()).isPresent(),
                    "mapping_rules",
                    rule.ruleId().toString());
        }
        if (c.relayProfile() != null) {
            require(
                    references.relayProfiles().findById(c.relayProfile()).isPresent(),
                    "relay_profile",
                    c.relayProfile().toString());
        }
        if (c.output().hdhomerunProfile() != null) {
            require(
                    references
                            .relayProfiles()
                            .findById(c.output().hdhomerunProfile())
                            .isPresent(),
                    "hdhomerun_profile",
                    c.output().hdhomerunProfile().toString());
        }
        String slug = c.slug() == null ? StreamProxy.slugOf(c.name()) : c.slug();
        return new StreamProxy(
                id,
                c.name(),
                slug,
                c.sources(),
                c.epgSources(),
                c.filters(),
                c.mappingRules(),
                c.numbering(),
                c.deliveryMode(),
                c.relayProfile(),
                c.output(),
                c.schedule(),
                created,
                now);
    }

    private static void require(boolean exists, String field, String id) {
        if (!exists) {
            throw new ValidationException(field + ": " + id + " does not exist");
        }
    }

    private static boolean isUuid(@Nullable String text) {
        try {
            UUID.fromString(text);
            return true;
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }
}
