package io.tvarr.http.xtream;

import com.fasterxml.jackson.core.JsonGenerator;
import io.tvarr.domain.proxy.ProxyId;
import io.tvarr.domain.xtream.XtreamChannel;
import io.tvarr.domain.xtream.port.in.ReadXtreamLineupUseCase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * {@code get_live_categories} and {@code get_live_streams}, written as the published lineup is read: one channel
 * in memory at a time (categories keep only the distinct group names). Types as panels send them: ids of streams
 * and positions are numbers, category ids and {@code added} are strings.
 */
final class LiveLineupJson {
    private final ReadXtreamLineupUseCase lineups;

    LiveLineupJson(ReadXtreamLineupUseCase lineups) {
        this.lineups = lineups;
    }

    void categories(JsonGenerator json, ProxyId proxy) throws IOException {
        Set<String> groups = new LinkedHashSet<>();
        lineups.forEachChannel(
                proxy, channel -> groups.add(XtreamCategory.of(channel.group()).name()));
        json.writeStartArray();
        for (String group : groups) {
            XtreamCategory category = XtreamCategory.of(group);
            json.writeStartObject();
            json.writeStringField("category_id", category.id());
            json.writeStringField("category_name", category.name());
            json.writeNumberField("parent_id", 0);
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    /** @param categoryId only this category's streams; empty for all */
    void streams(JsonGenerator json, ProxyId proxy, String categoryId) throws IOException {
        json.writeStartArray();
        int[] position = {0};
        try {
            lineups.forEachChannel(proxy, channel -> {
                position[0]++;
                XtreamCategory category = XtreamCategory.of(channel.group());
                if (categoryId.isEmpty() || categoryId.equals(category.id())) {
                    write(json, channel, category, position[0]);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        json.writeEndArray();
    }

    private static void write(JsonGenerator json, XtreamChannel channel, XtreamCategory category, int position) {
        try {
            json.writeStartObject();
            json.writeNumberField("num", channel.number() == null ? position : channel.number());
            json.writeStringField("name", channel.name());
            json.writeStringField("stream_type", "live");
            json.writeNumberField("stream_id", channel.streamId());
            json.writeStringField("stream_icon", channel.logo() == null ? "" : channel.logo());
            json.writeStringField("epg_channel_id", channel.guideId());
            json.writeStringField("added", "0");
            json.writeStringField("is_adult", "0");
            json.writeStringField("category_id", category.id());
            json.writeArrayFieldStart("category_ids");
            json.writeNumber(Integer.parseInt(category.id()));
            json.writeEndArray();
            json.writeStringField("custom_sid", "");
            json.writeNumberField("tv_archive", channel.hasArchive() ? 1 : 0);
            json.writeStringField("direct_source", "");
            // as panels send it: the number 0 without an archive, the days as a string with one
            if (channel.hasArchive()) {
                json.writeStringField("tv_archive_duration", Integer.toString(channel.archiveDays()));
            } else {
                json.writeNumberField("tv_archive_duration", 0);
            }
            json.writeStringField("thumbnail", "");
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // out of the lineup reader's callback; unwrapped above
        }
    }
}
