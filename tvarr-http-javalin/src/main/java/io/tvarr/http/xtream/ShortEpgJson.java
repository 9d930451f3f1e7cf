package io.tvarr.http.xtream;

import com.fasterxml.jackson.core.JsonGenerator;
import io.tvarr.domain.proxy.ProxyId;
import io.tvarr.domain.xtream.XtreamProgramme;
import io.tvarr.domain.xtream.port.in.ReadXtreamGuideUseCase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;

/**
 * {@code get_short_epg} (the next programmes, {@code limit} of them) and {@code get_simple_data_table} (all, with
 * {@code now_playing}), as the proxy's guide gives the channel. Titles and descriptions are base64 as panels send them;
 * times are strings, local time in UTC and epoch seconds.
 */
final class ShortEpgJson {
    private final ReadXtreamGuideUseCase guides;
    private final Clock clock;

    ShortEpgJson(ReadXtreamGuideUseCase guides, Clock clock) {
        this.guides = guides;
        this.clock = clock;
    }

    void listings(JsonGenerator json, ProxyId proxy, int streamId, int limit, boolean table) throws IOException {
        Instant now = clock.instant();
        json.writeStartObject();
        json.writeArrayFieldStart("epg_listings");
        int[] n = {0};
        // the data table lists from the start of the proxy's guide window, which the use case applies
        Instant from = table ? Instant.EPOCH : now;
        try {
            guides.forEachProgramme(proxy, streamId, from, limit, p -> write(json, p, ++n[0], now, table));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void write(JsonGenerator json, XtreamProgramme p, int n, Instant now, boolean table) {
        try {
            json.writeStartObject();
            json.writeStringField("id", Integer.toString(n));
            json.writeStringField("epg_id", Integer.toString(n));
            json.writeStringField("title", base64(p.title()));
            json.writeStringField("lang", p.lang() == null ? "" : p.lang());
            json.writeStringField("start", XtreamJson.dateTime(p.start()));
            // a panel's short EPG sends the end as epoch seconds (its local time goes in "stop"), its data table as
            // local time; clients read each as its panel sends it
            json.writeStringField(
                    "end",
                    table
                            ? XtreamJson.dateTime(p.stop())
                            : Long.toString(p.stop().getEpochSecond()));
            json.writeStringField("description", base64(p.description() == null ? "" : p.description()));
            json.writeStringField("channel_id", p.guideId());
            json.writeStringField("start_timestamp", Long.toString(p.start().getEpochSecond()));
            json.writeStringField("stop_timestamp", Long.toString(p.stop().getEpochSecond()));
            if (!table) {
                // the short EPG gives the end's local time as "stop"; the data table does not
                json.writeStringField("stop", XtreamJson.dateTime(p.stop()));
            }
            if (table) {
                boolean playing = !now.isBefore(p.start()) && now.isBefore(p.stop());
                json.writeNumberField("now_playing", playing ? 1 : 0);
                json.writeNumberField("has_archive", 0);
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // out of the guide reader's callback; unwrapped above
        }
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
