package io.tvarr.domain.config.service;

import io.tvarr.domain.Redaction;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.config.AlternatesConfig;
import io.tvarr.domain.config.ChannelOverrideConfig;
import io.tvarr.domain.config.ChannelRef;
import io.tvarr.domain.config.GuidePinConfig;
import io.tvarr.domain.config.ManualChannelConfig;
import io.tvarr.domain.config.ProxyChannelsConfig;
import io.tvarr.domain.config.ProxyConfig;
import io.tvarr.domain.failover.ChannelAlternates;
import io.tvarr.domain.failover.ProxyFailover;
import io.tvarr.domain.proxy.ChannelOverride;
import io.tvarr.domain.proxy.ManualChannel;
import io.tvarr.domain.proxy.ProxyId;
import io.tvarr.domain.proxy.port.in.PinGuideChannelCommand;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Checks what a document sets on single channels of its proxies, adding each problem with its place to the
 * document's problems: values as the features check them, channels named the right way (an override's or pin's from
 * one of the proxy's sources, a manual one listed for the proxy), nothing listed twice, and no manual channel id
 * given to two proxies. Not thread-safe: one per apply.
 */
final class ChannelSettingsCheck {
    private final List<String> problems;
    private final Set<String> knownSources;
    /** Manual channel ids: the proxy the document gives each to, and the proxy holding each now. */
    private final Map<String, String> manualIds = new HashMap<>();

    private final Map<String, String> currentManual = new HashMap<>();
    private final Map<String, ProxyChannelsConfig> currentChannels = new HashMap<>();
    private final Instant now;

    ChannelSettingsCheck(List<String> problems, Set<String> knownSources, List<ProxyConfig> current, Instant now) {
        this.problems = problems;
        this.knownSources = knownSources;
        this.now = now;
        for (ProxyConfig proxy : current) {
            currentChannels.put(proxy.name(), proxy.channels());
            proxy.channels().manual().forEach(m -> currentManual.put(m.id(), proxy.name()));
        }
    }

    void check(ProxyConfig proxy, String path) {
        ProxyChannelsConfig channels = proxy.channels();
        Set<String> manual = new HashSet<>();
        for (int j = 0; j < channels.manual().size(); j++) {
            manual(proxy.name(), channels.manual().get(j), path + ".manual_channels[" + j + "]", manual);
        }
        currentChannels
                .getOrDefault(proxy.name(), ProxyChannelsConfig.NONE)
                .manual()
                .forEach(m -> manual.add(m.id()));
        Set<ChannelRef> seen = new HashSet<>();
        for (int j = 0; j < channels.overrides().size(); j++) {
            ChannelOverrideConfig o = channels.overrides().get(j);
            String at = path + ".overrides[" + j + "]";
            own(proxy, o.channel(), at + ".channel", manual, seen);
            rule(
                    at,
                    () -> new ChannelOverride(
                            ProxyId.random(),
                            new ChannelId(UUID.randomUUID()),
                            o.name(),
                            o.number(),
                            o.group(),
                            o.logoUrl(),
                            o.tvgId(),
                            o.hidden(),
                            now));
        }
        seen.clear();
        for (int j = 0; j < channels.guidePins().size(); j++) {
            GuidePinConfig pin = channels.guidePins().get(j);
            String at = path + ".guide_pins[" + j + "]";
            if (pin.channel().manual() != null) {
                problems.add(at + ".channel: a channel added by hand takes its guide channel as guide_channel in"
                        + " manual_channels");
            } else {
                own(proxy, pin.channel(), at + ".channel", manual, seen);
            }
            rule(
                    at,
                    () -> new PinGuideChannelCommand(
                            ProxyId.random(), new ChannelId(UUID.randomUUID()), pin.guideChannel()));
        }
        alternates(channels.alternates(), path, manual);
    }

    private void manual(String proxy, ManualChannelConfig m, String path, Set<String> manual) {
        rule(path, () -> ChannelId.parse(m.id()));
        String twice = manualIds.putIfAbsent(m.id(), proxy);
        if (twice != null) {
            problems.add(path + ".id: " + m.id() + " is listed twice (also in the proxy \"" + twice + "\")");
        }
        String holder = currentManual.get(m.id());
        if (holder != null && !holder.equals(proxy)) {
            problems.add(path + ".id: " + m.id() + " is a manual channel of the proxy \"" + holder + "\"");
        }
        manual.add(m.id());
        rule(
                path,
                () -> new ManualChannel(
                        new ChannelId(UUID.randomUUID()),
                        ProxyId.random(),
                        m.name(),
                        m.streamUrl(),
                        m.tvgId(),
                        m.logoUrl(),
                        m.group(),
                        m.number(),
                        m.guideChannel(),
                        0,
                        now));
    }

    /** An override's or pin's channel: one of the proxy's sources' or one of its manual channels, once. */
    private void own(ProxyConfig proxy, ChannelRef ref, String path, Set<String> manual, Set<ChannelRef> seen) {
        if (ref.manual() != null) {
            if (!manual.contains(ref.manual())) {
                problems.add(path + ".manual: no manual channel of the proxy with id " + ref.manual());
            }
        } else if (!proxy.sources().contains(ref.source())) {
            problems.add(path + ".source: \"" + ref.source() + "\" is not one of the proxy's sources");
        }
        if (!seen.add(ref)) {
            problems.add(path + ": " + ref.describe() + " is listed twice");
        }
    }

    private void alternates(List<AlternatesConfig> list, String path, Set<String> manual) {
        if (list.size() > ProxyFailover.MAX_CHANNELS) {
            problems.add(path + ".alternates: " + list.size() + " channels (expected: at most "
                    + ProxyFailover.MAX_CHANNELS + ")");
        }
        Set<ChannelRef> seen = new HashSet<>();
        for (int j = 0; j < list.size(); j++) {
            AlternatesConfig a = list.get(j);
            String at = path + ".alternates[" + j + "]";
            known(a.channel(), at + ".channel", manual);
            if (!seen.add(a.channel())) {
                problems.add(at + ".channel: " + a.channel().describe() + " is listed twice");
            }
            int size = a.alternates().size();
            if (size == 0 || size > ChannelAlternates.MAX_ALTERNATES) {
                problems.add(at + ".alternates: " + size + " (expected: 1-" + ChannelAlternates.MAX_ALTERNATES + ")");
            }
            Set<ChannelRef> listed = new HashSet<>();
            for (int k = 0; k < size; k++) {
                ChannelRef alternate = a.alternates().get(k);
                String place = at + ".alternates[" + k + "]";
                known(alternate, place, manual);
                if (alternate.equals(a.channel())) {
                    problems.add(place + ": names the channel itself");
                } else if (!listed.add(alternate)) {
                    problems.add(place + ": " + alternate.describe() + " is listed twice");
                }
            }
        }
    }

    /** An alternate may come from any source, or be one of the proxy's manual channels. */
    private void known(ChannelRef ref, String path, Set<String> manual) {
        if (ref.manual() != null && !manual.contains(ref.manual())) {
            problems.add(path + ".manual: no manual channel of the proxy with id " + ref.manual());
        } else if (ref.manual() == null && !knownSources.contains(ref.source())) {
            problems.add(path + ".source: no source named \"" + ref.source() + "\"");
        }
    }

    private void rule(String path, Runnable rule) {
        try {
            rule.run();
        } catch (ValidationException e) {
            problems.add(path + "." + Redaction.redactUrl(e.getMessage()));
        }
    }
}
