package io.tvarr.expression;

import io.tvarr.domain.epg.EpgProgramme;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A reusable mutable view of a programme for evaluation. {@code programme_category} reads the categories joined
 * by ", " and writing it sets the list from the same form; {@code programme_season} is the 1-based season taken
 * from the {@code xmltv_ns} episode number (whose first part is the 0-based season), and writing it rewrites
 * that part. Not thread-safe.
 */
public final class ProgrammeRecord implements FieldValues {
    private final @Nullable String[] values = new String[FieldRegistry.PROGRAMMES.size()];
    private @Nullable EpgProgramme programme;
    private boolean changed;

    /** Loads a programme and the group of the channel it belongs to (may be null). */
    public ProgrammeRecord load(EpgProgramme programme, @Nullable String channelGroup) {
        this.programme = programme;
        this.changed = false;
        values[0] = programme.title();
        values[1] = programme.description();
        values[2] = programme.start().toString();
        values[3] = programme.stop().toString();
        values[4] = programme.categories().isEmpty() ? null : String.join(", ", programme.categories());
        values[5] = programme.episodeOnscreen();
        values[6] = season(programme.episodeXmltvNs());
        values[7] = programme.iconUrl();
        values[8] = channelGroup;
        return this;
    }

    @Override
    public @Nullable String get(int index) {
        return values[index];
    }

    @Override
    public void set(int index, @Nullable String value) {
        values[index] = value;
        changed = true;
    }

    /** The programme with every change applied; the loaded instance itself when nothing changed. */
    public EpgProgramme toProgramme() {
        EpgProgramme p = programme;
        if (p == null) {
            throw new IllegalStateException("no programme loaded");
        }
        if (!changed) {
            return p;
        }
        String categories = values[4];
        List<String> categoryList = categories == null || categories.isBlank()
                ? List.of()
                : Arrays.stream(categories.split(","))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList();
        String title = values[0];
        return new EpgProgramme(
                p.sourceId(),
                p.channelId(),
                p.start(),
                p.stop(),
                title == null ? "" : title,
                p.titleLang(),
                p.subTitle(),
                values[1],
                categoryList,
                values[7],
                withSeason(p.episodeXmltvNs(), values[6]),
                values[5],
                p.rating(),
                p.flags(),
                p.extraXml());
    }

    private static @Nullable String season(@Nullable String xmltvNs) {
        if (xmltvNs == null) {
            return null;
        }
        String first = xmltvNs.split("\\.", -1)[0].split("/")[0].strip();
        try {
            return Integer.toString(Integer.parseInt(first) + 1);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static @Nullable String withSeason(@Nullable String xmltvNs, @Nullable String season) {
        if (season == null || season.isBlank()) {
            return xmltvNs;
        }
        int zeroBased;
        try {
            zeroBased = Integer.parseInt(season.strip()) - 1;
        } catch (NumberFormatException e) {
            return xmltvNs;
        }
        if (xmltvNs == null) {
            return zeroBased + "..";
        }
        String[] parts = xmltvNs.split("\\.", -1);
        parts[0] = Integer.toString(zeroBased);
        return String.join(".", parts);
    }
}
