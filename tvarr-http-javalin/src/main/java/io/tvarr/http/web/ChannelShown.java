package io.tvarr.http.web;

import io.tvarr.domain.Redaction;
import io.tvarr.domain.channel.Channel;
import io.tvarr.domain.channel.ChannelDetail;
import java.util.Map;
import java.util.TreeMap;

/**
 * A channel's detail as the page shows it: every URL masked, because provider URLs carry the account's username and
 * password (the stream, the logo, catch-up attributes).
 */
public record ChannelShown(ChannelDetail detail) {
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
}
