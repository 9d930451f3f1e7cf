package io.tvarr.http.xtream;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.tvarr.domain.NotFoundException;
import io.tvarr.domain.StorageException;
import io.tvarr.domain.account.OutputUser;
import io.tvarr.domain.proxy.ProxyId;
import io.tvarr.domain.proxy.port.in.GenerateProxyUseCase;
import io.tvarr.domain.xtream.port.in.ReadXtreamLineupUseCase;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * {@code get.php}: the account's M3U written from the published lineup as it is read, with stream URLs on the
 * {@code /live/} paths of the account; {@code xmltv.php}: the proxy's published guide as it is.
 */
final class XtreamFiles {
    private final ReadXtreamLineupUseCase lineups;
    private final GenerateProxyUseCase generation;

    XtreamFiles(ReadXtreamLineupUseCase lineups, GenerateProxyUseCase generation) {
        this.lineups = lineups;
        this.generation = generation;
    }

    static void refuse(Context ctx) {
        ctx.status(HttpStatus.UNAUTHORIZED)
                .contentType("text/plain; charset=utf-8")
                .result("");
    }

    void playlist(Context ctx, OutputUser user) {
        String output = XtreamRoutes.param(ctx, "output").toLowerCase(java.util.Locale.ROOT);
        String extension = output.equals("m3u8") || output.equals("hls") ? "m3u8" : "ts";
        String password = XtreamRoutes.param(ctx, "password");
        String base = XtreamServer.of(ctx).baseUrl();
        String live = base + "/live/" + segment(user.username()) + "/" + segment(password) + "/";
        ctx.contentType("application/x-mpegurl; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"playlist.m3u\"");
        try {
            Writer out =
                    new BufferedWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8), 64 * 1024);
            out.write("#EXTM3U url-tvg=\"" + base + "/xmltv.php?username=" + query(user.username()) + "&password="
                    + query(password) + "\"\n");
            lineups.forEachChannel(user.proxy(), channel -> {
                try {
                    out.write("#EXTINF:-1 tvg-id=\"" + attribute(channel.guideId()) + "\" tvg-name=\""
                            + attribute(channel.name()) + "\" tvg-logo=\"" + attribute(channel.logo())
                            + "\" group-title=\""
                            + attribute(XtreamCategory.of(channel.group()).name()) + "\","
                            + line(channel.name()) + "\n" + live + channel.streamId() + "." + extension + "\n");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            out.flush();
        } catch (IOException | UncheckedIOException e) {
            // the player left mid-download: nothing to answer any more
        }
    }

    void guide(Context ctx, ProxyId proxy) {
        Path file = generation
                .guide(proxy)
                .orElseThrow(() -> new NotFoundException("proxy " + proxy + ": no guide published"));
        ctx.contentType("application/xml; charset=utf-8");
        try (InputStream in = Files.newInputStream(file)) {
            in.transferTo(ctx.outputStream());
        } catch (java.nio.file.NoSuchFileException e) {
            throw new StorageException("proxy " + proxy + ": guide vanished while read", e);
        } catch (IOException e) {
            // the player left mid-download
        }
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String attribute(@Nullable String value) {
        return value == null ? "" : line(value).replace('"', '\'');
    }

    private static String line(String value) {
        return value.replace('\r', ' ').replace('\n', ' ');
    }
}
