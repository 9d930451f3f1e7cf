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

    /** The file types the upload field offers, for the file picker's {@code accept}. */
    public String accept() {
        return jobKind == JobKind.EPG_INGEST
                ? ".xml,.gz,application/xml,text/xml,application/gzip"
                : ".m3u,.m3u8,.gz,audio/x-mpegurl,application/x-mpegurl,application/gzip";
    }

    /** What the upload field takes, in words. */
    public String fileHint() {
        return jobKind == JobKind.EPG_INGEST
                ? "An XMLTV guide (.xml or .xml.gz) from this computer, for the xmltv kind; kept by tvarr"
                : "An M3U playlist (.m3u, .m3u8 or gzipped) from this computer, for the m3u kind; kept by tvarr";
    }

    /** The section name the navigation lights. */
    public String nav() {
        return path.substring(1);
    }
}
