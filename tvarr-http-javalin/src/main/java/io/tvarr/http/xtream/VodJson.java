package io.tvarr.http.xtream;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tvarr.domain.proxy.ProxyId;
import io.tvarr.domain.xtream.XtreamEpisode;
import io.tvarr.domain.xtream.XtreamMovie;
import io.tvarr.domain.xtream.XtreamShow;
import io.tvarr.domain.xtream.port.in.ReadXtreamVodUseCase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The VOD and series actions, written as the catalogue is read: one item in memory at a time. Each item is the
 * panel's own element, so the fields and types players know stay as the provider sent them, with tvarr's ids,
 * categories and container written over the panel's and the provider's direct URLs blanked (they carry its login).
 * Unknown ids answer the empty shapes panels send.
 */
final class VodJson {
    private final ReadXtreamVodUseCase vod;
    private final ObjectMapper mapper = new ObjectMapper();

    VodJson(ReadXtreamVodUseCase vod) {
        this.vod = vod;
    }

    void movieCategories(JsonGenerator json, ProxyId proxy) throws IOException {
        Set<String> names = new LinkedHashSet<>();
        vod.forEachMovie(
                proxy, m -> names.add(XtreamCategory.of(m.movie().category()).name()));
        categories(json, names);
    }

    void seriesCategories(JsonGenerator json, ProxyId proxy) throws IOException {
        Set<String> names = new LinkedHashSet<>();
        vod.forEachSeries(
                proxy, s -> names.add(XtreamCategory.of(s.series().category()).name()));
        categories(json, names);
    }

    private static void categories(JsonGenerator json, Set<String> names) throws IOException {
        json.writeStartArray();
        for (String name : names) {
            XtreamCategory category = XtreamCategory.of(name);
            json.writeStartObject();
            json.writeStringField("category_id", category.id());
            json.writeStringField("category_name", category.name());
            json.writeNumberField("parent_id", 0);
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    /** @param categoryId only this category's movies; empty for all */
    void movies(JsonGenerator json, ProxyId proxy, String categoryId) throws IOException {
        json.writeStartArray();
        int[] position = {0};
        streamed(() -> vod.forEachMovie(proxy, movie -> {
            XtreamCategory category = XtreamCategory.of(movie.movie().category());
            if (categoryId.isEmpty() || categoryId.equals(category.id())) {
                write(json, listedMovie(movie, category, ++position[0]));
            }
        }));
        json.writeEndArray();
    }

    void movieInfo(JsonGenerator json, ProxyId proxy, int streamId) throws IOException {
        Optional<XtreamMovie> found = streamId <= 0 ? Optional.empty() : vod.findMovie(proxy, streamId);
        json.writeStartObject();
        if (found.isEmpty()) {
            json.writeArrayFieldStart("info");
            json.writeEndArray();
            json.writeArrayFieldStart("movie_data");
            json.writeEndArray();
        } else {
            XtreamMovie movie = found.get();
            XtreamCategory category = XtreamCategory.of(movie.movie().category());
            ObjectNode info = panel(movie.movie().panelJson());
            info.put("name", movie.movie().name());
            String icon = text(movie.movie().icon());
            if (!info.hasNonNull("movie_image")) {
                info.put("movie_image", icon);
            }
            if (!info.hasNonNull("cover_big")) {
                info.put("cover_big", icon);
            }
            for (String field : new String[] {"stream_id", "num", "category_id", "category_ids", "direct_source"}) {
                info.remove(field);
            }
            // clients index the backdrops and read the TMDB id without checking for them; panels always send both
            backdrops(info);
            if (!info.hasNonNull("tmdb_id")) {
                info.put("tmdb_id", "");
            }
            json.writeFieldName("info");
            mapper.writeTree(json, info);
            json.writeObjectFieldStart("movie_data");
            json.writeNumberField("stream_id", movie.streamId());
            json.writeStringField("name", movie.movie().name());
            json.writeStringField("added", text(info.path("added").asText(null), "0"));
            json.writeStringField("category_id", category.id());
            json.writeArrayFieldStart("category_ids");
            json.writeNumber(Integer.parseInt(category.id()));
            json.writeEndArray();
            json.writeStringField("container_extension", container(movie.movie().container()));
            json.writeStringField("custom_sid", "");
            json.writeStringField("direct_source", "");
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    /** @param categoryId only this category's series; empty for all */
    void series(JsonGenerator json, ProxyId proxy, String categoryId) throws IOException {
        json.writeStartArray();
        int[] position = {0};
        streamed(() -> vod.forEachSeries(proxy, show -> {
            XtreamCategory category = XtreamCategory.of(show.series().category());
            if (categoryId.isEmpty() || categoryId.equals(category.id())) {
                ObjectNode item = listedShow(show, category);
                item.put("num", ++position[0]);
                write(json, item);
            }
        }));
        json.writeEndArray();
    }

    void seriesInfo(JsonGenerator json, ProxyId proxy, int seriesId) throws IOException {
        Optional<XtreamShow> found = seriesId <= 0 ? Optional.empty() : vod.findSeries(proxy, seriesId);
        json.writeStartObject();
        if (found.isEmpty()) {
            // as panels answer an unknown series: clients tell it by the null name
            json.writeArrayFieldStart("seasons");
            json.writeEndArray();
            json.writeObjectFieldStart("info");
            for (String field : new String[] {"name", "title", "year", "cover", "plot", "cast", "director", "genre"}) {
                json.writeNullField(field);
            }
            json.writeNullField("release_date");
            json.writeNullField("last_modified");
            json.writeStringField("rating", "0");
            json.writeNumberField("rating_5based", 0);
            json.writeNullField("backdrop_path");
            json.writeStringField("category_id", "");
            json.writeNullField("category_ids");
            json.writeEndObject();
            json.writeObjectFieldStart("episodes");
            json.writeEndObject();
            json.writeEndObject();
            return;
        }
        XtreamShow show = found.get();
        ObjectNode info = listedShow(show, XtreamCategory.of(show.series().category()));
        info.remove("num");
        json.writeFieldName("info");
        mapper.writeTree(json, info);
        // episodes come by season; the seasons list, written after them, needs only each season's count
        Map<Integer, Integer> seasons = new LinkedHashMap<>();
        json.writeObjectFieldStart("episodes");
        int[] open = {-1};
        streamed(() -> vod.forEachEpisode(proxy, show, episode -> {
            int season = episode.episode().season();
            try {
                if (season != open[0]) {
                    if (open[0] >= 0) {
                        json.writeEndArray();
                    }
                    json.writeArrayFieldStart(Integer.toString(season));
                    open[0] = season;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            seasons.merge(season, 1, Integer::sum);
            write(json, listedEpisode(episode));
        }));
        if (open[0] >= 0) {
            json.writeEndArray();
        }
        json.writeEndObject();
        json.writeArrayFieldStart("seasons");
        String cover = text(show.series().cover());
        for (Map.Entry<Integer, Integer> season : seasons.entrySet()) {
            json.writeStartObject();
            json.writeNumberField("season_number", season.getKey());
            json.writeStringField("name", season.getKey() == 0 ? "Specials" : "Season " + season.getKey());
            json.writeNumberField("episode_count", season.getValue());
            json.writeNumberField("id", season.getKey());
            json.writeStringField("cover", cover);
            json.writeStringField("cover_big", cover);
            json.writeStringField("overview", "");
            json.writeStringField("air_date", "");
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private ObjectNode listedMovie(XtreamMovie movie, XtreamCategory category, int position) {
        ObjectNode item = panel(movie.movie().panelJson());
        item.put("num", position);
        item.put("name", movie.movie().name());
        item.put("stream_type", "movie");
        item.put("stream_id", movie.streamId());
        item.put("stream_icon", text(movie.movie().icon()));
        if (!item.hasNonNull("added")) {
            item.put("added", "0");
        }
        categorise(item, category);
        item.put("container_extension", container(movie.movie().container()));
        item.put("custom_sid", "");
        item.put("direct_source", "");
        return item;
    }

    private ObjectNode listedShow(XtreamShow show, XtreamCategory category) {
        ObjectNode item = panel(show.series().panelJson());
        item.put("name", show.series().name());
        item.put("series_id", show.seriesId());
        item.put("cover", text(show.series().cover()));
        backdrops(item);
        categorise(item, category);
        return item;
    }

    private ObjectNode listedEpisode(XtreamEpisode episode) {
        ObjectNode item = panel(episode.episode().panelJson());
        item.put("id", Integer.toString(episode.id()));
        if (!item.hasNonNull("episode_num")) {
            Integer number = episode.episode().episode();
            item.put("episode_num", number == null ? "0" : Integer.toString(number));
        }
        item.put("title", episode.episode().title());
        item.put("container_extension", container(episode.episode().container()));
        item.put("season", episode.episode().season());
        if (!(item.get("info") instanceof ObjectNode)) {
            item.putObject("info"); // clients read the episode's details out of it without checking it is there
        }
        item.put("custom_sid", "");
        item.put("direct_source", "");
        return item;
    }

    /** A list of backdrop URLs, empty when the panel gave none. */
    private static void backdrops(ObjectNode item) {
        JsonNode backdrops = item.get("backdrop_path");
        if (backdrops == null || !backdrops.isArray()) {
            item.putArray("backdrop_path");
        }
    }

    private static void categorise(ObjectNode item, XtreamCategory category) {
        item.put("category_id", category.id());
        item.putArray("category_ids").add(Integer.parseInt(category.id()));
    }

    /** The panel's element; an empty object should it not be one (it was checked when stored). */
    private ObjectNode panel(String panelJson) {
        try {
            JsonNode node = mapper.readTree(panelJson);
            return node instanceof ObjectNode object ? object : mapper.createObjectNode();
        } catch (IOException e) {
            return mapper.createObjectNode();
        }
    }

    private void write(JsonGenerator json, ObjectNode item) {
        try {
            mapper.writeTree(json, item);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // out of the catalogue's callback; unwrapped by streamed()
        }
    }

    private static void streamed(Runnable reading) throws IOException {
        try {
            reading.run();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Players build {@code /movie/.../{id}.{container_extension}}: one must always be there. */
    private static String container(@Nullable String container) {
        return container == null ? "mp4" : container;
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value;
    }

    private static String text(@Nullable String value, String fallback) {
        return value == null || value.isEmpty() ? fallback : value;
    }
}
