package io.tvarr.domain.epg;

import io.tvarr.domain.Checks;
import io.tvarr.domain.ValidationException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One programme of a guide.
 *
 * @param channelId the guide channel id ({@link EpgChannel#id()})
 * @param episodeXmltvNs episode number in the {@code xmltv_ns} system ("1.4.0/1")
 * @param episodeOnscreen episode number as shown on screen ("S02E05")
 * @param extraXml elements tvarr does not model (credits, star-rating, series-id ...), as an XML
 *     fragment that writers copy through unchanged; null when there are none
 */
public record EpgProgramme(
        EpgSourceId sourceId,
        String channelId,
        Instant start,
        Instant stop,
        String title,
        @Nullable String titleLang,
        @Nullable String subTitle,
        @Nullable String description,
        List<String> categories,
        @Nullable String iconUrl,
        @Nullable String episodeXmltvNs,
        @Nullable String episodeOnscreen,
        @Nullable String rating,
        Set<ProgrammeFlag> flags,
        @Nullable String extraXml) {

    public EpgProgramme {
        Checks.requireNonNull(sourceId, "source_id");
        channelId = Checks.requireText(channelId, "channel");
        Checks.requireNonNull(start, "start");
        Checks.requireNonNull(stop, "stop");
        if (!stop.isAfter(start)) {
            throw new ValidationException("stop: " + stop + " (expected: after start " + start + ")");
        }
        title = Checks.requireNonNull(title, "title");
        titleLang = Checks.blankToNull(titleLang);
        subTitle = Checks.blankToNull(subTitle);
        description = Checks.blankToNull(description);
        categories = List.copyOf(categories);
        iconUrl = Checks.blankToNull(iconUrl);
        episodeXmltvNs = Checks.blankToNull(episodeXmltvNs);
        episodeOnscreen = Checks.blankToNull(episodeOnscreen);
        rating = Checks.blankToNull(rating);
        flags = Set.copyOf(flags);
        extraXml = Checks.blankToNull(extraXml);
    }

    public boolean isOnAt(Instant instant) {
        return !instant.isBefore(start) && instant.isBefore(stop);
    }
}
