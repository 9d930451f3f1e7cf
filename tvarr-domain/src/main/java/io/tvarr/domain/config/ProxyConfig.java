package io.tvarr.domain.config;

import io.tvarr.domain.Checks;
import io.tvarr.domain.failover.MergeBy;
import io.tvarr.domain.proxy.DeliveryMode;
import io.tvarr.domain.proxy.Numbering;
import io.tvarr.domain.proxy.OutputSettings;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A proxy by name, naming its sources, guides, filters, rules, relay profile and its HDHomeRun tuner's relay profile;
 * {@code channels} what a user set on its single channels; {@code output} holds its doors (HDHomeRun tuner, Xtream VOD) without that profile, which is named here, {@code mergeBy} its failover, {@code guideMatchThreshold} its guide matching.
 */
public record ProxyConfig(
        String name,
        String slug,
        List<String> sources,
        List<String> guides,
        List<ProxyFilterConfig> filters,
        List<ProxyRuleConfig> mappingRules,
        Numbering numbering,
        DeliveryMode deliveryMode,
        @Nullable String relayProfile,
        @Nullable String hdhomerunProfile,
        OutputSettings output,
        @Nullable String schedule,
        MergeBy mergeBy,
        int guideMatchThreshold,
        AccessConfig access,
        List<OutputUserConfig> users,
        ProxyChannelsConfig channels) {
    public ProxyConfig {
        name = Checks.requireText(name, "name");
        slug = Checks.requireText(slug, "slug");
        sources = List.copyOf(sources);
        guides = List.copyOf(guides);
        filters = List.copyOf(filters);
        mappingRules = List.copyOf(mappingRules);
        Checks.requireNonNull(numbering, "numbering");
        Checks.requireNonNull(deliveryMode, "delivery_mode");
        relayProfile = Checks.blankToNull(relayProfile);
        hdhomerunProfile = Checks.blankToNull(hdhomerunProfile);
        Checks.requireNonNull(output, "output");
        schedule = Checks.blankToNull(schedule);
        Checks.requireNonNull(mergeBy, "merge_by");
        Checks.requireNonNull(access, "access");
        users = List.copyOf(users);
        Checks.requireNonNull(channels, "channels");
    }

    /** The same proxy without its users and its channels' settings, which are compared one by one. */
    public ProxyConfig withoutUsers() {
        return withUsers(List.of()).withChannels(ProxyChannelsConfig.NONE);
    }

    public ProxyConfig withUsers(List<OutputUserConfig> list) {
        return new ProxyConfig(
                name,
                slug,
                sources,
                guides,
                filters,
                mappingRules,
                numbering,
                deliveryMode,
                relayProfile,
                hdhomerunProfile,
                output,
                schedule,
                mergeBy,
                guideMatchThreshold,
                access,
                list,
                channels);
    }

    public ProxyConfig withAccess(AccessConfig changed) {
        return new ProxyConfig(
                name,
                slug,
                sources,
                guides,
                filters,
                mappingRules,
                numbering,
                deliveryMode,
                relayProfile,
                hdhomerunProfile,
                output,
                schedule,
                mergeBy,
                guideMatchThreshold,
                changed,
                users,
                channels);
    }

    public ProxyConfig withChannels(ProxyChannelsConfig changed) {
        return new ProxyConfig(
                name,
                slug,
                sources,
                guides,
                filters,
                mappingRules,
                numbering,
                deliveryMode,
                relayProfile,
                hdhomerunProfile,
                output,
                schedule,
                mergeBy,
                guideMatchThreshold,
                access,
                users,
                changed);
    }
}
