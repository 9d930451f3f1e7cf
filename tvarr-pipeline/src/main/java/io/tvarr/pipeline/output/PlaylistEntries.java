package io.tvarr.pipeline.output;

import io.tvarr.domain.channel.Channel;
import io.tvarr.domain.proxy.DeliveryMode;
import io.tvarr.domain.proxy.OutputSettings;
import io.tvarr.domain.proxy.StreamProxy;
import io.tvarr.pipeline.stage.ProxyChannel;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Turns output channels into playlist entries for one proxy. With redirect the player fetches the upstream
 * itself, so the entry carries the upstream URL and the headers the provider wants as #EXTVLCOPT lines; with
 * proxy and relay the URL points at tvarr, which sends those headers itself.
 */
public final class PlaylistEntries {
    /** Channel attributes written as #EXTVLCOPT options instead of #EXTINF attributes. */
    private static final Set<String> NOT_ATTRIBUTES = Set.of("kodiprop");

    private final StreamProxy proxy;
    private final String baseUrl;
    private final String outputKey;

    /**
     * @param baseUrl the URL players reach tvarr at, without a trailing slash
     * @param outputKey how tvarr's URLs name the proxy: its token in token mode (so every URL of the playlist
     *     opens for whoever holds it), else its id
     */
    public PlaylistEntries(StreamProxy proxy, String baseUrl, String outputKey) {
        this.proxy = proxy;
        this.baseUrl = baseUrl;
        this.outputKey = outputKey;
    }

    /** The guide URL the playlist header announces, or null when the proxy turns the header off. */
    public @org.jspecify.annotations.Nullable String guideUrl() {
        return proxy.output().urlTvgHeader() ? baseUrl + "/proxy/" + outputKey + ".xmltv" : null;
    }

    public PlaylistEntry entry(ProxyChannel item) {
        Channel channel = item.channel();
        OutputSettings output = proxy.output();
        boolean redirect = proxy.deliveryMode() == DeliveryMode.REDIRECT;
        Map<String, String> attributes = new HashMap<>();
        Map<String, String> options = new HashMap<>();
        channel.attributes().forEach((key, value) -> {
            if (key.startsWith("http-")) {
                if (redirect) {
                    options.put(key, value);
                }
            } else if (!NOT_ATTRIBUTES.contains(key)) {
                attributes.put(key, value);
            }
        });
        if (redirect && item.source().userAgent() != null) {
            options.putIfAbsent("http-user-agent", item.source().userAgent());
        }
        String url = redirect ? channel.streamUrl() : baseUrl + "/proxy/" + outputKey + "/" + channel.id();
        String group = output.groupTitleOverride() != null ? output.groupTitleOverride() : channel.group();
        String number = output.includeChannelNumber() && item.number() != null
                ? item.number().toString()
                : null;
        return new PlaylistEntry(
                item.guideId(),
                channel.tvgName(),
                item.logo(),
                number,
                group,
                channel.name(),
                url,
                attributes,
                options);
    }
}
