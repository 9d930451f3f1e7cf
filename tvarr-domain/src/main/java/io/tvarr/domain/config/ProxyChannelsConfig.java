package io.tvarr.domain.config;

import java.util.List;

/**
 * What a user set on single channels of a proxy: channels added by hand, overrides, guide pins and alternates listed
 * by hand. Each list in a fixed order on export: manual channels in the proxy's order, the rest by
 * {@link ChannelRef#ORDER}.
 */
public record ProxyChannelsConfig(
        List<ManualChannelConfig> manual,
        List<ChannelOverrideConfig> overrides,
        List<GuidePinConfig> guidePins,
        List<AlternatesConfig> alternates) {
    public static final ProxyChannelsConfig NONE = new ProxyChannelsConfig(List.of(), List.of(), List.of(), List.of());

    public ProxyChannelsConfig {
        manual = List.copyOf(manual);
        overrides = List.copyOf(overrides);
        guidePins = List.copyOf(guidePins);
        alternates = List.copyOf(alternates);
    }
}
