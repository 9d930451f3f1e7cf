package io.tvarr.domain.config.service;

import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.channel.ChannelKey;
import io.tvarr.domain.config.AlternatesConfig;
import io.tvarr.domain.config.ChannelOverrideConfig;
import io.tvarr.domain.config.ChannelRef;
import io.tvarr.domain.config.ConfigChange;
import io.tvarr.domain.config.ConfigChange.Action;
import io.tvarr.domain.config.ProxyChannelsConfig;
import io.tvarr.domain.config.ProxyConfig;
import io.tvarr.domain.failover.ChannelAlternates;
import io.tvarr.domain.failover.ProxyFailover;
import io.tvarr.domain.proxy.ProxyId;
import io.tvarr.domain.proxy.StreamProxy;
import io.tvarr.domain.proxy.port.in.PinGuideChannelCommand;
import io.tvarr.domain.proxy.port.in.SaveManualChannelCommand;
import io.tvarr.domain.proxy.port.in.SetChannelOverrideCommand;
import io.tvarr.domain.source.StreamSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Brings what is set on single channels of each proxy the document names to match it, after the proxies: manual
 * channels first (overrides and alternates may name them), then overrides, guide pins and alternates. Each is keyed by
 * its channel; one the document does not list is deleted only with prune. A channel named by its source and key need
 * not be there yet: the setting is stored for the id the source will give it. Not thread-safe: one per apply.
 */
final class ChannelSettingsApplier {
    private final ConfigParts parts;
    private final List<ConfigChange> changes;
    private final boolean dryRun;

    ChannelSettingsApplier(ConfigParts parts, List<ConfigChange> changes, boolean dryRun) {
        this.parts = parts;
        this.changes = changes;
        this.dryRun = dryRun;
    }

    void apply(List<ProxyConfig> desired, List<ProxyConfig> current, boolean prune) {
        Map<String, ProxyChannelsConfig> now = new HashMap<>();
        current.forEach(p -> now.put(p.name(), p.channels()));
        for (ProxyConfig want : desired) {
            ProxyChannelsConfig have = now.getOrDefault(want.name(), ProxyChannelsConfig.NONE);
            new OneProxy(want.name(), prune).apply(want.channels(), have);
        }
    }

    private final class OneProxy {
        private final String proxy;
        private final boolean prune;
        private @Nullable ProxyId id;

        OneProxy(String proxy, boolean prune) {
            this.proxy = proxy;
            this.prune = prune;
        }

        void apply(ProxyChannelsConfig want, ProxyChannelsConfig have) {
            match(
                    "manual_channel",
                    want.manual(),
                    have.manual(),
                    m -> "manual/" + m.id(),
                    m -> parts.manualChannels()
                            .put(
                                    ChannelId.parse(m.id()),
                                    new SaveManualChannelCommand(
                                            id(),
                                            m.name(),
                                            m.streamUrl(),
                                            m.tvgId(),
                                            m.logoUrl(),
                                            m.group(),
                                            m.number(),
                                            m.guideChannel())),
                    m -> parts.manualChannels().remove(id(), ChannelId.parse(m.id())));
            match(
                    "channel_override",
                    want.overrides(),
                    have.overrides(),
                    o -> o.channel().describe(),
                    this::override,
                    o -> parts.overrides().remove(id(), channelId(o.channel())));
            match(
                    "guide_pin",
                    want.guidePins(),
                    have.guidePins(),
                    p -> p.channel().describe(),
                    p -> {
                        ChannelKey key = key(p.channel());
                        parts.pins().pinByKey(new PinGuideChannelCommand(id(), key.channelId(), p.guideChannel()), key);
                    },
                    p -> parts.pins().unpin(id(), channelId(p.channel())));
            alternates(want.alternates(), have.alternates());
        }

        private void override(ChannelOverrideConfig o) {
            ChannelId channel = channelId(o.channel());
            SetChannelOverrideCommand command = new SetChannelOverrideCommand(
                    id(), channel, o.name(), o.number(), o.group(), o.logoUrl(), o.tvgId(), o.hidden());
            if (o.channel().manual() != null) {
                // added by hand earlier in this apply when new: it is there
                parts.overrides().set(command);
            } else {
                parts.overrides().setByKey(command, key(o.channel()));
            }
        }

        /** The proxy's hand-listed alternates are stored as one list: changed entries are written together. */
        private void alternates(List<AlternatesConfig> want, List<AlternatesConfig> have) {
            List<AlternatesConfig> put = new ArrayList<>();
            List<AlternatesConfig> gone = new ArrayList<>();
            match("alternates", want, have, a -> a.channel().describe(), put::add, gone::add);
            if (dryRun || (put.isEmpty() && gone.isEmpty())) {
                return;
            }
            ProxyFailover stored = parts.failover().failover(id().toString());
            Map<ChannelId, ChannelAlternates> entries = new LinkedHashMap<>();
            stored.manual().forEach(e -> entries.put(e.channel(), e));
            gone.forEach(a -> entries.remove(channelId(a.channel())));
            for (AlternatesConfig a : put) {
                // named by key, perhaps before the source's first refresh: remembered, so an export names them too
                a.alternates().stream()
                        .filter(r -> r.manual() == null)
                        .forEach(r -> parts.channelKeys().remember(key(r)));
                if (a.channel().manual() == null) {
                    parts.channelKeys().remember(key(a.channel()));
                }
                ChannelId channel = channelId(a.channel());
                entries.put(
                        channel,
                        new ChannelAlternates(
                                channel,
                                a.alternates().stream().map(this::channelId).toList()));
            }
            parts.failover()
                    .change(id().toString(), new ProxyFailover(stored.mergeBy(), new ArrayList<>(entries.values())));
        }

        /** Creates and updates what differs, and with prune deletes what {@code desired} does not list. */
        private <C extends Record> void match(
                String kind,
                List<C> desired,
                List<C> current,
                Function<C, String> key,
                Consumer<C> put,
                Consumer<C> delete) {
            Map<String, C> now = new LinkedHashMap<>();
            current.forEach(c -> now.put(key.apply(c), c));
            Set<String> listed = new HashSet<>();
            for (C want : desired) {
                listed.add(key.apply(want));
                C have = now.get(key.apply(want));
                if (have == null) {
                    record(Action.CREATE, kind, key.apply(want), List.of());
                } else if (!have.equals(want)) {
                    record(Action.UPDATE, kind, key.apply(want), Differences.between(have, want));
                } else {
                    continue;
                }
                if (!dryRun) {
                    put.accept(want);
                }
            }
            if (!prune) {
                return;
            }
            for (C have : current) {
                if (!listed.contains(key.apply(have))) {
                    record(Action.DELETE, kind, key.apply(have), List.of());
                    if (!dryRun) {
                        delete.accept(have);
                    }
                }
            }
        }

        private void record(Action action, String kind, String name, List<String> fields) {
            changes.add(new ConfigChange(action, kind, proxy + "/" + name, fields));
        }

        private ProxyId id() {
            if (id == null) {
                id = ConfigApplier.named(parts.proxies().list(), StreamProxy::name, proxy, "proxy")
                        .id();
            }
            return id;
        }

        private ChannelId channelId(ChannelRef ref) {
            return ref.manual() != null ? ChannelId.parse(ref.manual()) : key(ref).channelId();
        }

        private ChannelKey key(ChannelRef ref) {
            String name = java.util.Objects.requireNonNull(ref.source(), "a channel by source names one");
            StreamSource source = ConfigApplier.named(parts.sources().list(), StreamSource::name, name, "source");
            return new ChannelKey(source.id(), ref.key());
        }
    }
}
