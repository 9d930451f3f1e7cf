package io.tvarr.http.web;

import io.tvarr.domain.job.JobKind;
import java.util.List;

/**
 * Which of the two kinds of source a set of pages shows: channel sources or guides share their pages.
 *
 * @param path the pages' root path, {@code /sources} or {@code /guides}
 * @param kinds the kinds a new one may be, in their wire words
 * @param countOf what a refresh counts: {@code channels} or {@code programmes}
 */
public record SourceSection(
        String path, String title, String singular, List<String> kinds, JobKind jobKind, String countOf) {
    public SourceSection {
        kinds = List.copyOf(kinds);
    }

    public static final SourceSection CHANNELS = new SourceSection(
            "/sources",
            "Channel sources",
            "channel source",
            List.of("m3u", "xtream"),
            JobKind.SOURCE_INGEST,
            "channels");
    public static final SourceSection GUIDES = new SourceSection(
            "/guides", "Guides", "guide", List.of("xmltv", "xtream"), JobKind.EPG_INGEST, "programmes");

    /** The section name the navigation lights. */
    public String nav() {
        return path.substring(1);
    }
}
