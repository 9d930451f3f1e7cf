package io.tvarr.domain.xtream.service;

import io.tvarr.domain.NotFoundException;
import io.tvarr.domain.account.OutputUser;
import io.tvarr.domain.channel.Channel;
import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.channel.port.out.ChannelRepository;
import io.tvarr.domain.proxy.DeliveryMode;
import io.tvarr.domain.proxy.StreamProxy;
import io.tvarr.domain.proxy.port.out.StreamProxyRepository;
import io.tvarr.domain.relay.ClientInfo;
import io.tvarr.domain.relay.StreamPlan;
import io.tvarr.domain.relay.port.in.Playback;
import io.tvarr.domain.relay.port.out.FileRelay;
import io.tvarr.domain.relay.port.out.StreamRelay;
import io.tvarr.domain.source.Credentials;
import io.tvarr.domain.source.SourceId;
import io.tvarr.domain.source.SourceKind;
import io.tvarr.domain.source.StreamSource;
import io.tvarr.domain.source.port.out.StreamSourceRepository;
import io.tvarr.domain.xtream.XtreamChannel;
import io.tvarr.domain.xtream.XtreamPlay;
import io.tvarr.domain.xtream.port.in.PlayXtreamTimeshiftCommand;
import io.tvarr.domain.xtream.port.in.PlayXtreamTimeshiftUseCase;
import io.tvarr.domain.xtream.port.in.PlayXtreamVodCommand;
import io.tvarr.domain.xtream.port.in.PlayXtreamVodUseCase;
import io.tvarr.domain.xtream.port.in.ReadXtreamLineupUseCase;
import io.tvarr.domain.xtream.port.in.ReadXtreamVodUseCase;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Movies, episodes and timeshift windows through the Xtream door: each is a file or a recording on the provider's
 * panel, at the URL the panel's own door gives it, redirected or relayed as the proxy delivers, within the user's
 * limit ({@link XtreamAccounts}) and the provider's (the relay). Relayed movies and episodes go request by request
 * with the player's byte range, so players can seek; timeshift windows stream as live channels do. Thread-safe.
 */
public final class XtreamOnDemand implements PlayXtreamVodUseCase, PlayXtreamTimeshiftUseCase {
    private final XtreamAccounts accounts;
    private final ReadXtreamVodUseCase catalogue;
    private final ReadXtreamLineupUseCase lineups;
    private final StreamProxyRepository proxies;
    private final StreamSourceRepository sources;
    private final ChannelRepository channels;
    private final StreamRelay relay;
    private final FileRelay files;

    public XtreamOnDemand(
            XtreamAccounts accounts,
            ReadXtreamVodUseCase catalogue,
            ReadXtreamLineupUseCase lineups,
            StreamProxyRepository proxies,
            StreamSourceRepository sources,
            ChannelRepository channels,
            StreamRelay relay,
            FileRelay files) {
        this.accounts = accounts;
        this.catalogue = catalogue;
        this.lineups = lineups;
        this.proxies = proxies;
        this.sources = sources;
        this.channels = channels;
        this.relay = relay;
        this.files = files;
    }

    @Override
    public XtreamPlay play(PlayXtreamVodCommand command) {
        // one player's requests on one file share a connection: seeking, or reading two ranges at once, counts once
        String key = command.kind().name().toLowerCase(Locale.ROOT) + "/" + command.id() + "/"
                + command.client().address();
        return accounts.admit(command.username(), command.password(), command.client(), key, user -> {
            Item item = command.kind() == PlayXtreamVodCommand.Kind.MOVIE
                    ? catalogue
                            .findMovie(user.proxy(), command.id())
                            .map(m -> new Item(
                                    m.movie().sourceId(),
                                    "movie",
                                    m.movie().providerId(),
                                    m.movie().name(),
                                    m.movie().container()))
                            .orElseThrow(() -> new NotFoundException("movie " + command.id() + ": not found"))
                    : catalogue
                            .findEpisode(user.proxy(), command.id())
                            .map(e -> new Item(
                                    e.episode().sourceId(),
                                    "series",
                                    e.episode().providerId(),
                                    e.episode().title(),
                                    e.episode().container()))
                            .orElseThrow(() -> new NotFoundException("episode " + command.id() + ": not found"));
            StreamSource source = xtreamSource(item.source());
            String extension = item.container() == null ? "mp4" : item.container();
            String url = panelPath(source, item.path()) + "/" + encode(item.providerId()) + "." + extension;
            return file(user, key, source, item.name(), url, contentType(extension));
        });
    }

    /** A movie or an episode: redirected, or relayed request by request so that players can seek. */
    private Playback file(
            OutputUser user, String key, StreamSource source, String name, String url, String contentType) {
        if (proxy(user).deliveryMode() == DeliveryMode.REDIRECT) {
            return new Playback.Redirect(url);
        }
        // the same player's requests on the same file name the same plan, so the relay holds one provider
        // connection for them all
        ChannelId file =
                new ChannelId(UUID.nameUUIDFromBytes((user.id() + "/" + key).getBytes(StandardCharsets.UTF_8)));
        return new OnDemandFile(files, plan(file, name, source, url), contentType);
    }

    @Override
    public XtreamPlay play(PlayXtreamTimeshiftCommand command) {
        return accounts.admit(command.username(), command.password(), command.client(), user -> {
            XtreamChannel listed = lineups.findChannel(user.proxy(), command.streamId())
                    .orElseThrow(() -> new NotFoundException("stream " + command.streamId() + ": not in the lineup"));
            Channel channel = channels.findById(listed.channelId())
                    .orElseThrow(() -> new NotFoundException("stream " + command.streamId() + ": not found"));
            String providerStream = channel.attribute("xtream-stream-id");
            StreamSource source = sources.findById(channel.sourceId()).orElse(null);
            if (source == null
                    || source.kind() != SourceKind.XTREAM
                    || providerStream == null
                    || channel.attribute("catchup") == null) {
                throw new NotFoundException(
                        "stream " + command.streamId() + ": its source offers no catch-up (timeshift) for it");
            }
            String url = panelPath(source, "timeshift") + "/" + command.durationMinutes() + "/" + command.start() + "/"
                    + encode(providerStream) + ".ts";
            return playback(user, source, channel.name(), url, "video/mp2t", command.client());
        });
    }

    private Playback playback(
            OutputUser user, StreamSource source, String name, String url, String contentType, ClientInfo client) {
        if (proxy(user).deliveryMode() == DeliveryMode.REDIRECT) {
            return new Playback.Redirect(url);
        }
        // a session of its own for every player: a recording is watched from its start, never joined midway as a
        // live channel is
        return new OnDemandStream(
                relay, plan(new ChannelId(UUID.randomUUID()), name, source, url), client, contentType);
    }

    private StreamProxy proxy(OutputUser user) {
        return proxies.findById(user.proxy())
                .orElseThrow(() -> new NotFoundException("proxy " + user.proxy() + ": not found"));
    }

    private static StreamPlan plan(ChannelId key, String name, StreamSource source, String url) {
        Map<String, String> headers = source.userAgent() == null ? Map.of() : Map.of("User-Agent", source.userAgent());
        return new StreamPlan(key, name, source.id(), source.name(), url, headers, source.maxConcurrentStreams(), null);
    }

    private StreamSource xtreamSource(SourceId id) {
        return sources.findById(id)
                .filter(s -> s.kind() == SourceKind.XTREAM && s.credentials() != null)
                .orElseThrow(() -> new NotFoundException("source " + id + ": not an Xtream source any more"));
    }

    /** {@code {panel}/{kind}/{username}/{password}}, the panel's base as ingestion reads it. */
    private static String panelPath(StreamSource source, String kind) {
        Credentials login = source.credentials();
        if (login == null) {
            throw new NotFoundException("source " + source.id() + ": has no Xtream login");
        }
        String base = source.url().toString().replaceAll("/+$", "").replaceAll("/player_api\\.php$", "");
        return base + "/" + kind + "/" + encode(login.username()) + "/" + encode(login.password());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The media type players expect for a panel's container extension. */
    static String contentType(String extension) {
        return switch (extension.toLowerCase(Locale.ROOT)) {
            case "mp4", "m4v" -> "video/mp4";
            case "mkv" -> "video/x-matroska";
            case "avi" -> "video/x-msvideo";
            case "webm" -> "video/webm";
            case "ts" -> "video/mp2t";
            case "mov" -> "video/quicktime";
            default -> "application/octet-stream";
        };
    }

    private record Item(
            SourceId source,
            String path,
            String providerId,
            String name,
            @Nullable String container) {}
}
