package io.tvarr.domain.logo.service;

import io.tvarr.domain.channel.port.out.ChannelRepository;
import io.tvarr.domain.mapping.port.out.DataMappingRuleRepository;
import io.tvarr.domain.source.StreamSource;
import io.tvarr.domain.source.port.out.StreamSourceRepository;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where logos are still in use: channels by their original URL, mapping rules by the cached file's path. */
public final class LogoReferences {
    private static final Pattern CACHED_REFERENCE = Pattern.compile("/logos/([0-9a-f]{64}\\.[a-z]{3,4})");

    private final StreamSourceRepository sources;
    private final ChannelRepository channels;
    private final DataMappingRuleRepository rules;

    public LogoReferences(StreamSourceRepository sources, ChannelRepository channels, DataMappingRuleRepository rules) {
        this.sources = sources;
        this.channels = channels;
        this.rules = rules;
    }

    /** The logo URLs stored channels carry. */
    Set<String> channelLogoUrls() {
        Set<String> urls = new HashSet<>();
        for (StreamSource source : sources.findAll()) {
            channels.forEachBySource(source.id(), channel -> {
                if (channel.logoUrl() != null) {
                    urls.add(channel.logoUrl());
                }
            });
        }
        return urls;
    }

    /** The cached files ({@code sha256.ext}) mapping rules point to as {@code /logos/<file>}. */
    Set<String> filesInRules() {
        Set<String> files = new HashSet<>();
        rules.findAll().forEach(rule -> {
            Matcher m = CACHED_REFERENCE.matcher(rule.expression());
            while (m.find()) {
                files.add(m.group(1));
            }
        });
        return files;
    }
}
