package io.tvarr.domain.ingestion;

import io.tvarr.domain.epg.EpgSourceId;
import io.tvarr.domain.source.SourceId;

/** What an ingestion refreshes: a channel source or a guide source, each known by its own typed id. */
public sealed interface IngestionTarget {
    /** The typed id of the source. */
    Object id();

    /** The kind of source in words, for messages: {@code "stream source"}, {@code "epg source"}. */
    String what();

    /** The id as text: the key a status is stored under, unique across both kinds because ids are UUIDs. */
    default String key() {
        return id().toString();
    }

    /** A channel source (M3U playlist or Xtream account). */
    record ChannelSource(SourceId id) implements IngestionTarget {
        @Override
        public String what() {
            return "stream source";
        }
    }

    /** A guide source (XMLTV file or Xtream guide). */
    record GuideSource(EpgSourceId id) implements IngestionTarget {
        @Override
        public String what() {
            return "epg source";
        }
    }
}
