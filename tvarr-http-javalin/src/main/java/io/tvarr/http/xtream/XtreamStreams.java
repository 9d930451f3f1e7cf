package io.tvarr.http.xtream;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.tvarr.domain.NotFoundException;
import io.tvarr.domain.UnavailableException;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.relay.ClientInfo;
import io.tvarr.domain.relay.FileRequest;
import io.tvarr.domain.relay.RelayedFile;
import io.tvarr.domain.relay.port.in.Playback;
import io.tvarr.domain.xtream.XtreamPlay;
import io.tvarr.domain.xtream.port.in.PlayXtreamChannelCommand;
import io.tvarr.domain.xtream.port.in.PlayXtreamChannelUseCase;
import io.tvarr.domain.xtream.port.in.PlayXtreamTimeshiftCommand;
import io.tvarr.domain.xtream.port.in.PlayXtreamTimeshiftUseCase;
import io.tvarr.domain.xtream.port.in.PlayXtreamVodCommand;
import io.tvarr.domain.xtream.port.in.PlayXtreamVodUseCase;
import io.tvarr.http.OutputAccessCheck;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /live/{username}/{password}/{streamId}.ts}: the channel through the relay as MPEG-TS (200 only once the
 * first bytes came, so refusals are still problems). {@code .m3u8} is redirected to {@code .ts}: tvarr serves one
 * TS stream, and players that asked for HLS play the TS they are sent. A wrong login is 401, an expired account
 * 403, the user's connection limit 503 like a provider's. Movies and episodes ({@code /movie/}, {@code /series/})
 * and timeshift windows answer the same way, in the media type of the panel's container; movies and episodes
 * pass the player's {@code Range} on to the upstream and its {@code 206} back, so players can seek.
 */
final class XtreamStreams {
    private static final Logger log = LoggerFactory.getLogger(XtreamStreams.class);
    private static final Pattern STREAM = Pattern.compile("(\\d{1,10})(?:\\.(ts|m3u8))?");
    private static final int CHUNK_BYTES = 64 * 1024;
    /** A movie's or episode's id with any container extension: the panel's stored one is what is fetched. */
    private static final Pattern FILE = Pattern.compile("(\\d{1,10})(?:\\.[A-Za-z0-9]{1,8})?");

    private final PlayXtreamChannelUseCase player;
    private final PlayXtreamVodUseCase vodPlayer;
    private final PlayXtreamTimeshiftUseCase archive;
    private final OutputAccessCheck access;

    XtreamStreams(
            PlayXtreamChannelUseCase player,
            PlayXtreamVodUseCase vodPlayer,
            PlayXtreamTimeshiftUseCase archive,
            OutputAccessCheck access) {
        this.player = player;
        this.vodPlayer = vodPlayer;
        this.archive = archive;
        this.access = access;
    }

    /** {@code /movie/{username}/{password}/{streamId}.{ext}}. */
    void movie(Context ctx) {
        onDemand(ctx, PlayXtreamVodCommand.Kind.MOVIE);
    }

    /** {@code /series/{username}/{password}/{episodeId}.{ext}}. */
    void episode(Context ctx) {
        onDemand(ctx, PlayXtreamVodCommand.Kind.EPISODE);
    }

    private void onDemand(Context ctx, PlayXtreamVodCommand.Kind kind) {
        Matcher file = FILE.matcher(ctx.pathParam("stream"));
        if (!file.matches()) {
            throw new NotFoundException("'" + ctx.pathParam("stream") + "': not a file (expected: {id}.{extension})");
        }
        int id = id(file.group(1));
        ClientInfo client = client(ctx);
        XtreamPlay play = vodPlayer.play(
                new PlayXtreamVodCommand(ctx.pathParam("username"), ctx.pathParam("password"), kind, id, client));
        respond(ctx, play, id, client);
    }

    /** {@code /timeshift/{username}/{password}/{duration}/{start}/{streamId}.ts}. */
    void timeshift(Context ctx) {
        Matcher stream = STREAM.matcher(ctx.pathParam("stream"));
        if (!stream.matches()) {
            throw new NotFoundException("'" + ctx.pathParam("stream") + "': not a stream (expected: {streamId}.ts)");
        }
        int minutes;
        try {
            minutes = Integer.parseInt(ctx.pathParam("duration"));
        } catch (NumberFormatException e) {
            throw new ValidationException(
                    "duration: '" + ctx.pathParam("duration") + "' (expected: minutes, a whole number)");
        }
        int streamId = id(stream.group(1));
        ClientInfo client = client(ctx);
        XtreamPlay play = archive.play(new PlayXtreamTimeshiftCommand(
                ctx.pathParam("username"),
                ctx.pathParam("password"),
                streamId,
                minutes,
                ctx.pathParam("start"),
                client));
        respond(ctx, play, streamId, client);
    }

    private static int id(String digits) {
        return (int) Math.min(Long.parseLong(digits), Integer.MAX_VALUE);
    }

    private ClientInfo client(Context ctx) {
        String agent = ctx.userAgent() == null ? "" : ctx.userAgent();
        return new ClientInfo(access.client(ctx).getHostAddress(), agent);
    }

    void play(Context ctx) {
        Matcher stream = STREAM.matcher(ctx.pathParam("stream"));
        if (!stream.matches()) {
            throw new NotFoundException("'" + ctx.pathParam("stream") + "': not a stream (expected: {streamId}.ts)");
        }
        if ("m3u8".equals(stream.group(2))) {
            String path = ctx.path();
            ctx.redirect(path.substring(0, path.length() - "m3u8".length()) + "ts", HttpStatus.FOUND);
            return;
        }
        int streamId = id(stream.group(1));
        ClientInfo client = client(ctx);
        XtreamPlay play = player.play(
                new PlayXtreamChannelCommand(ctx.pathParam("username"), ctx.pathParam("password"), streamId, client));
        respond(ctx, play, streamId, client);
    }

    private static void respond(Context ctx, XtreamPlay play, int streamId, ClientInfo client) {
        if (play instanceof XtreamPlay.Refused) {
            ctx.status(HttpStatus.UNAUTHORIZED);
        } else if (play instanceof XtreamPlay.OutsideRanges outside) {
            throw new HttpResponseException(HttpStatus.FORBIDDEN.getCode(), outside.detail());
        } else if (play instanceof XtreamPlay.Expired) {
            ctx.status(HttpStatus.FORBIDDEN);
        } else if (play instanceof XtreamPlay.LimitReached limit) {
            throw new UnavailableException(
                    "user '" + limit.username() + "': all " + limit.max() + " connection(s) in use", 0);
        } else if (play instanceof XtreamPlay.Playing playing) {
            deliver(ctx, playing.playback(), streamId, client.address());
        }
    }

    /**
     * A movie or an episode: the player's byte range goes to the upstream, and its answer comes back as it came (206
     * with {@code Content-Range}, or 200 when the upstream ignores ranges), so that players can seek; a HEAD gets the
     * same status and headers without the bytes.
     */
    private static void deliverFile(Context ctx, Playback.File file, int streamId, String client) {
        boolean head = "HEAD".equals(ctx.method().name());
        try (RelayedFile answer = file.open(new FileRequest(ctx.header("Range"), head))) {
            ctx.disableCompression();
            ctx.status(answer.status());
            ctx.contentType(file.contentType());
            ctx.header("Cache-Control", "no-store");
            answer.headers().forEach(ctx::header);
            if (head) {
                return;
            }
            try {
                copy(answer.body(), ctx.res().getOutputStream());
            } catch (IOException e) {
                // the player hung up, as it does when it seeks: closing the answer releases the upstream at once
                log.info("xtream client left file stream_id={} client={}", streamId, client);
            }
        }
    }

    /** Flushed after each chunk, so the player gets the headers and first bytes at once, not after a buffer fills. */
    private static void copy(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[CHUNK_BYTES];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            out.write(buffer, 0, n);
            out.flush();
        }
    }

    private static void deliver(Context ctx, Playback playback, int streamId, String client) {
        if (playback instanceof Playback.Redirect redirect) {
            ctx.redirect(redirect.location(), HttpStatus.FOUND);
            return;
        }
        if (playback instanceof Playback.File file) {
            deliverFile(ctx, file, streamId, client);
            return;
        }
        Playback.Stream stream = (Playback.Stream) playback;
        if ("HEAD".equals(ctx.method().name())) {
            ctx.contentType(stream.contentType());
            return;
        }
        try {
            stream.transferTo(ctx.res().getOutputStream(), () -> {
                ctx.disableCompression();
                ctx.contentType(stream.contentType());
                ctx.header("Cache-Control", "no-store");
                ctx.status(200);
            });
        } catch (IOException e) {
            log.info("xtream client left stream_id={} client={}", streamId, client);
        }
    }
}
