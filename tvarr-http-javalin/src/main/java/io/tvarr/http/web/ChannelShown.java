package io.tvarr.http.web;

import io.tvarr.domain.Redaction;
import io.tvarr.domain.channel.Channel;
import io.tvarr.domain.channel.ChannelDetail;
import io.tvarr.domain.health.HealthStatus;
import io.tvarr.domain.health.StreamHealth;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A channel's detail as the page shows it: every URL masked, because provider URLs carry the account's username and
 * password (the stream, the logo, catch-up attributes).
 *
 * @param health the channel's last stream check; null when never checked
 */
public record ChannelShown(ChannelDetail detail, @Nullable StreamHealth health) {
    public Channel channel() {
        return detail.channel();
    }

    public String streamUrl() {
        return Redaction.redactUrl(detail.channel().streamUrl());
    }

    public String logoUrl() {
        String logo = detail.channel().logoUrl();
        return logo == null ? "" : Redaction.redactUrl(logo);
    }

    /** The other attributes, sorted by name, values masked. */
    public Map<String, String> attributes() {
        Map<String, String> masked = new TreeMap<>();
        detail.channel().attributes().forEach((name, value) -> masked.put(name, Redaction.redactUrl(value)));
        return masked;
    }

    /** The last check in words: "working (h264 / aac)" or "broken: the reason", and when. */
    public String healthText() {
        if (health == null) {
            return "not checked (stream checks are set per source, off by default)";
        }
        String found = health.status() == HealthStatus.BROKEN
                ? "broken: " + SourceHealth.detail(health)
                : "working (" + SourceHealth.detail(health) + ")";
        return found + ", checked " + Shown.time(health.checkedAt());
    }

    /** {@code working}, {@code broken} or {@code unknown}, as a CSS class. */
    public String healthState() {
        return health == null ? "unknown" : SourceHealth.state(health);
    }
}
