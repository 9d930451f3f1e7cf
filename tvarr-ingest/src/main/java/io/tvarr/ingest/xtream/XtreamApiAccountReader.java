package io.tvarr.ingest.xtream;

import static io.tvarr.ingest.xtream.XtreamValues.flag;
import static io.tvarr.ingest.xtream.XtreamValues.integer;
import static io.tvarr.ingest.xtream.XtreamValues.text;

import io.tvarr.domain.RefusedUpstreamException;
import io.tvarr.domain.UpstreamException;
import io.tvarr.domain.source.Credentials;
import io.tvarr.domain.source.XtreamAccount;
import io.tvarr.domain.source.port.out.SourceFetcher;
import io.tvarr.domain.source.port.out.XtreamAccountReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads an account from {@code player_api.php} without an action, as ingestion's account check does, through the
 * same {@link SourceFetcher}: the same schemes, allowed directories, size limit and timeouts apply.
 */
public final class XtreamApiAccountReader implements XtreamAccountReader {
    private static final long MAX_BYTES = 1024 * 1024;

    private final SourceFetcher fetcher;
    private final XtreamJson json = new XtreamJson();

    public XtreamApiAccountReader(SourceFetcher fetcher) {
        this.fetcher = fetcher;
    }

    @Override
    public XtreamAccount read(URI server, Credentials login, @Nullable String userAgent) {
        String base = server.toString().replaceAll("/+$", "").replaceAll("/player_api\\.php$", "");
        Map<String, String> info;
        try (InputStream in = fetcher.open(XtreamChannelSourceHandler.api(base, login, null), userAgent, MAX_BYTES)) {
            info = json.readObject(in, "xtream account " + login.username());
        } catch (IOException e) {
            throw new UpstreamException("xtream account " + login.username() + " at " + base + ": " + e.getMessage());
        } catch (UncheckedIOException e) {
            throw new UpstreamException("xtream account " + login.username() + " at " + base + ": "
                    + e.getCause().getMessage());
        }
        if (!"1".equals(info.get("user_info.auth"))) {
            throw new RefusedUpstreamException("xtream login refused for user '" + login.username() + "' at " + base);
        }
        String expiry = integer(info.get("user_info.exp_date"));
        return new XtreamAccount(
                text(info.get("user_info.status")),
                expiry == null || expiry.equals("0") ? null : Instant.ofEpochSecond(Long.parseLong(expiry)),
                number(info.get("user_info.max_connections")),
                number(info.get("user_info.active_cons")),
                flag(info.get("user_info.is_trial")));
    }

    private static @Nullable Integer number(@Nullable String value) {
        String digits = integer(value);
        if (digits == null) {
            return null;
        }
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException tooBig) {
            return null;
        }
    }
}
