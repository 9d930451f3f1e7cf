package io.tvarr.domain.config.service;

import io.tvarr.domain.NotFoundException;
import io.tvarr.domain.config.ConfigChange;
import io.tvarr.domain.config.ConfigChanges;
import io.tvarr.domain.config.ConfigDocument;
import io.tvarr.domain.config.FilterConfig;
import io.tvarr.domain.config.GuideConfig;
import io.tvarr.domain.config.MappingRuleConfig;
import io.tvarr.domain.config.RelayProfileConfig;
import io.tvarr.domain.config.SourceConfig;
import io.tvarr.domain.config.port.in.ApplyConfigCommand;
import io.tvarr.domain.config.port.in.ApplyConfigUseCase;
import io.tvarr.domain.config.port.out.SecretVariables;
import io.tvarr.domain.config.port.out.Transactions;
import io.tvarr.domain.epg.EpgSource;
import io.tvarr.domain.epg.port.in.SaveEpgSourceCommand;
import io.tvarr.domain.filter.Filter;
import io.tvarr.domain.filter.port.in.SaveFilterCommand;
import io.tvarr.domain.health.HealthCheckSettings;
import io.tvarr.domain.mapping.DataMappingRule;
import io.tvarr.domain.mapping.MappingRuleId;
import io.tvarr.domain.mapping.port.in.SaveMappingRuleCommand;
import io.tvarr.domain.relay.RelayProfile;
import io.tvarr.domain.relay.RelayProfileId;
import io.tvarr.domain.source.StreamSource;
import io.tvarr.domain.source.port.in.SaveStreamSourceCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a document: checks all of it ({@link ConfigCheck}), compares it with the instance as it is (secrets
 * revealed, inside the domain only), then creates and updates library entities, proxies and their users, and with
 * prune deletes proxies first and the entities they referred to last. Serialised: two applies at once would each
 * compare with a state the other is changing.
 */
public final class ConfigApplier implements ApplyConfigUseCase {
    private static final Logger log = LoggerFactory.getLogger(ConfigApplier.class);

    private final ConfigParts parts;
    private final ConfigExporter reader;
    private final SecretVariables secrets;
    private final Transactions transactions;

    public ConfigApplier(ConfigParts parts, SecretVariables secrets, Transactions transactions) {
        this.parts = parts;
        this.reader = new ConfigExporter(parts);
        this.secrets = secrets;
        this.transactions = transactions;
    }

    /** In one transaction unless dry: a failure halfway (a store's refusal the check cannot foresee) undoes it all. */
    @Override
    public synchronized ConfigChanges apply(ApplyConfigCommand command) {
        ConfigChanges result = command.dryRun() ? applied(command) : transactions.inOne(() -> applied(command));
        log.info(
                "configuration applied changes={} prune={} dry_run={}",
                result.changes().size(),
                command.prune(),
                command.dryRun());
        return result;
    }

    private ConfigChanges applied(ApplyConfigCommand command) {
        ConfigDocument current = reader.current();
        ConfigDocument desired = new ConfigCheck(parts, secrets).checked(command.document(), current, command.prune());
        boolean dry = command.dryRun();
        boolean prune = command.prune();
        List<ConfigChange> changes = new ArrayList<>();

        Section<RelayProfileConfig> profiles = new Section<>("relay_profile", RelayProfileConfig::name, changes, dry);
        profiles.match(
                desired.relayProfiles(),
                current.relayProfiles(),
                prune,
                p -> parts.relayProfiles().create(profile(RelayProfileId.random(), p)),
                p -> parts.relayProfiles().update(profile(profileId(p.name()), p)));
        Section<FilterConfig> filters = new Section<>("filter", FilterConfig::name, changes, dry);
        filters.match(
                desired.filters(),
                current.filters(),
                prune,
                f -> parts.filters().create(filter(f)),
                f -> parts.filters().update(filterId(f.name()).id(), filter(f)));
        Section<MappingRuleConfig> rules = new Section<>("mapping_rule", MappingRuleConfig::name, changes, dry);
        rules.match(
                desired.mappingRules(),
                current.mappingRules(),
                prune,
                r -> parts.mappingRules().create(rule(r)),
                r -> parts.mappingRules().update(ruleNamed(r.name()).id(), rule(r)));
        Section<SourceConfig> sources = new Section<>("source", SourceConfig::name, changes, dry);
        sources.match(
                desired.sources(),
                current.sources(),
                prune,
                s -> streamCheck(parts.sources().create(source(s)), s, HealthCheckSettings.DEFAULT),
                s -> streamCheck(
                        parts.sources().update(sourceNamed(s.name()).id(), source(s)),
                        s,
                        current.sources().stream()
                                .filter(c -> c.name().equals(s.name()))
                                .findFirst()
                                .map(SourceConfig::streamCheck)
                                .orElse(HealthCheckSettings.DEFAULT)));
        Section<GuideConfig> guides = new Section<>("guide", GuideConfig::name, changes, dry);
        guides.match(
                desired.guides(),
                current.guides(),
                prune,
                g -> parts.guides().create(guide(g)),
                g -> parts.guides().update(guideNamed(g.name()).id(), guide(g)));

        new ProxyApplier(parts, changes, dry).apply(desired.proxies(), current.proxies(), prune);
        new ChannelSettingsApplier(parts, changes, dry).apply(desired.proxies(), current.proxies(), prune);

        sources.prune(s -> parts.sources().delete(sourceNamed(s.name()).id()));
        guides.prune(g -> parts.guides().delete(guideNamed(g.name()).id()));
        filters.prune(f -> parts.filters().delete(filterId(f.name()).id()));
        rules.prune(r -> parts.mappingRules().delete(ruleNamed(r.name()).id()));
        profiles.prune(p -> parts.relayProfiles().delete(profileId(p.name())));
        order(desired, current, rules.pruned(), prune, changes, dry);

        return new ConfigChanges(changes, dry);
    }

    /** Puts the mapping rules in the document's order; rules it does not name (kept without prune) follow. */
    private void order(
            ConfigDocument desired,
            ConfigDocument current,
            Set<String> pruned,
            boolean prune,
            List<ConfigChange> changes,
            boolean dry) {
        List<String> named =
                desired.mappingRules().stream().map(MappingRuleConfig::name).toList();
        List<String> after = new ArrayList<>();
        current.mappingRules().stream()
                .map(MappingRuleConfig::name)
                .filter(n -> !pruned.contains(n))
                .forEach(after::add);
        named.stream().filter(n -> !after.contains(n)).forEach(after::add);
        List<String> wanted = new ArrayList<>(named);
        if (!prune) {
            after.stream().filter(n -> !named.contains(n)).forEach(wanted::add);
        }
        if (after.equals(wanted)) {
            return;
        }
        changes.add(new ConfigChange(ConfigChange.Action.UPDATE, "mapping_rule_order", "mapping_rules", List.of()));
        if (!dry) {
            List<MappingRuleId> ids =
                    wanted.stream().map(n -> ruleNamed(n).id()).toList();
            parts.mappingRules().reorder(ids);
        }
    }

    private void streamCheck(StreamSource source, SourceConfig wanted, HealthCheckSettings had) {
        if (!wanted.streamCheck().equals(had)) {
            parts.streamChecks().configure(source.id(), wanted.streamCheck());
        }
    }

    private static RelayProfile profile(RelayProfileId id, RelayProfileConfig p) {
        return new RelayProfile(
                id,
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

    private static SaveFilterCommand filter(FilterConfig f) {
        return new SaveFilterCommand(f.name(), f.domain(), f.action(), f.expression());
    }

    private static SaveMappingRuleCommand rule(MappingRuleConfig r) {
        return new SaveMappingRuleCommand(r.name(), r.domain(), r.expression(), r.enabled(), r.stopOnMatch());
    }

    private static SaveStreamSourceCommand source(SourceConfig s) {
        return new SaveStreamSourceCommand(
                s.name(),
                s.kind(),
                s.url(),
                s.username(),
                s.password(),
                s.userAgent(),
                s.enabled(),
                s.schedule(),
                s.maxConcurrentStreams(),
                s.xtreamOutput(),
                s.includeVod(),
                s.includeSeries());
    }

    private static SaveEpgSourceCommand guide(GuideConfig g) {
        return new SaveEpgSourceCommand(
                g.name(),
                g.kind(),
                g.url(),
                g.username(),
                g.password(),
                g.userAgent(),
                g.enabled(),
                g.schedule(),
                g.timeShiftMinutes(),
                g.zone(),
                g.retention());
    }

    private RelayProfileId profileId(String name) {
        return named(parts.relayProfiles().list(), RelayProfile::name, name, "relay profile")
                .id();
    }

    private Filter filterId(String name) {
        return named(parts.filters().list(), Filter::name, name, "filter");
    }

    private DataMappingRule ruleNamed(String name) {
        return named(parts.mappingRules().list(), DataMappingRule::name, name, "mapping rule");
    }

    private StreamSource sourceNamed(String name) {
        return named(parts.sources().list(), StreamSource::name, name, "source");
    }

    private EpgSource guideNamed(String name) {
        return named(parts.guides().list(), EpgSource::name, name, "guide");
    }

    static <T> T named(List<T> items, Function<T, String> name, String wanted, String kind) {
        return items.stream()
                .filter(item -> name.apply(item).equals(wanted))
                .findFirst()
                .orElseThrow(() -> new NotFoundException(kind + " \"" + wanted + "\": not found"));
    }
}
