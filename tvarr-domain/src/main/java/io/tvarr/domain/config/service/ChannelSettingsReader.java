package io.tvarr.domain.config.service;

import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.channel.ChannelKey;
import io.tvarr.domain.config.AlternatesConfig;
import io.tvarr.domain.config.ChannelOverrideConfig;
import io.tvarr.domain.config.ChannelRef;
import io.tvarr.domain.config.GuidePinConfig;
import io.tvarr.domain.config.ManualChannelConfig;
import io.tvarr.domain.config.ProxyChannelsConfig;
import io.tvarr.domain.failover.ChannelAlternates;
import io.tvarr.domain.proxy.ChannelOverride;
import io.tvarr.domain.proxy.GuidePin;
import io.tvarr.domain.proxy.ListedOverride;
import io.tvarr.domain.proxy.ManualChannel;
import io.tvarr.domain.proxy.StreamProxy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads what a user set on single channels of a proxy, each channel named by its source's name and key (or, added
 * by hand, its id). A setting whose channel cannot be named so (its channel is gone and its key was never stored, or
 * its source is no longer the proxy's) is left out with a warning: written as it is, it would name nothing in
 * another instance. Not thread-safe: one per export.
 */
final class ChannelSettingsReader {
    private final ConfigParts parts;
    /** Source names by source id. */
    private final Map<String, String> sourceNames;

    private final List<String> warnings;

    ChannelSettingsReader(ConfigParts parts, Map<String, String> sourceNames, List<String> warnings) {
        this.parts = parts;
        this.sourceNames = sourceNames;
        this.warnings = warnings;
    }

    ProxyChannelsConfig read(StreamProxy proxy) {
        List<ManualChannel> manual = parts.manualChannels().list(proxy.id());
        Set<ChannelId> manualIds = new HashSet<>();
        manual.forEach(m -> manualIds.add(m.id()));
        Naming naming = new Naming(proxy, manualIds);
        List<ChannelOverrideConfig> overrides = new ArrayList<>();
        for (ListedOverride listed : parts.overrides().list(proxy.id())) {
            ChannelOverride o = listed.override();
            naming.ref(o.channel(), o.key(), true, "override")
                    .ifPresent(ref -> overrides.add(new ChannelOverrideConfig(
                            ref, o.name(), o.number(), o.group(), o.logoUrl(), o.tvgId(), o.hidden())));
        }
        List<GuidePinConfig> pins = new ArrayList<>();
        for (GuidePin pin : parts.pins().pins(proxy.id())) {
            naming.ref(pin.channel(), pin.key(), true, "guide pin")
                    .ifPresent(ref -> pins.add(new GuidePinConfig(ref, pin.guideChannelId())));
        }
        List<AlternatesConfig> alternates = new ArrayList<>();
        for (ChannelAlternates entry :
                parts.failover().failover(proxy.id().toString()).manual()) {
            alternates(entry, naming).ifPresent(alternates::add);
        }
        return new ProxyChannelsConfig(
                manual.stream().map(ChannelSettingsReader::manual).toList(),
                overrides.stream()
                        .sorted(Comparator.comparing(ChannelOverrideConfig::channel, ChannelRef.ORDER))
                        .toList(),
                pins.stream()
                        .sorted(Comparator.comparing(GuidePinConfig::channel, ChannelRef.ORDER))
                        .toList(),
                alternates.stream()
                        .sorted(Comparator.comparing(AlternatesConfig::channel, ChannelRef.ORDER))
                        .toList());
    }

    private Optional<AlternatesConfig> alternates(ChannelAlternates entry, Naming naming) {
        Optional<ChannelRef> channel = naming.ref(entry.channel(), null, false, "alternates");
        if (channel.isEmpty()) {
            return Optional.empty();
        }
        List<ChannelRef> named = new ArrayList<>();
        for (ChannelId alternate : entry.alternates()) {
            naming.ref(alternate, null, false, "alternate of " + channel.get().describe())
                    .ifPresent(named::add);
        }
        return named.isEmpty() ? Optional.empty() : Optional.of(new AlternatesConfig(channel.get(), named));
    }

    private static ManualChannelConfig manual(ManualChannel m) {
        return new ManualChannelConfig(
                m.id().toString(),
                m.name(),
                m.streamUrl(),
                m.tvgId(),
                m.logoUrl(),
                m.group(),
                m.number(),
                m.guideChannelId());
    }

    /** Names the channels of one proxy. */
    private final class Naming {
        private final StreamProxy proxy;
        private final Set<ChannelId> manual;

        Naming(StreamProxy proxy, Set<ChannelId> manual) {
            this.proxy = proxy;
            this.manual = manual;
        }

        /**
         * The channel by its key (stored beside the setting, else found among the channels now), or by its id when
         * added by hand; empty, with a warning, when it cannot be named.
         *
         * @param ownSource whether the channel must come from one of the proxy's sources (overrides, pins)
         */
        Optional<ChannelRef> ref(ChannelId id, @Nullable ChannelKey stored, boolean ownSource, String what) {
            if (manual.contains(id)) {
                return Optional.of(ChannelRef.manual(id.toString()));
            }
            ChannelKey key = stored != null
                    ? stored
                    : parts.channels()
                            .findById(id)
                            .map(ChannelKey::of)
                            .or(() -> parts.channelKeys().find(id))
                            .orElse(null);
            if (key == null) {
                warn(
                        what,
                        id,
                        "its channel is gone and its source's key for it was never stored; set it again"
                                + " while the channel is there");
                return Optional.empty();
            }
            String source = sourceNames.get(key.source().toString());
            if (source == null || (ownSource && !proxy.sources().contains(key.source()))) {
                warn(what, id, "its source is no longer one of the proxy's");
                return Optional.empty();
            }
            return Optional.of(ChannelRef.of(source, key.externalKey()));
        }

        private void warn(String what, ChannelId id, String why) {
            warnings.add("proxy \"" + proxy.name() + "\": " + what + " of channel " + id + " left out (" + why + ")");
        }
    }
}
