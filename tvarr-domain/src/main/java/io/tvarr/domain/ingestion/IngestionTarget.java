package io.tvarr.domain.ingestion;

import io.tvarr.domain.epg.EpgSourceId;
import io.tvarr.domain.source.SourceId;
import java.util.Objects;

/** What an ingestion refreshes: a channel source or a guide source, each known by its own typed id. */
public sealed interface IngestionTarget {
    /** The id as text: the key a status is stored under, unique across both kinds because ids are UUIDs. */
    String key();

    /** The kind of source in words, for messages: {@code "stream source"}, {@code "epg source"}. */
    String what();

    /** A channel source (M3U playlist or Xtream account). */
    record ChannelSource(SourceId id) implements IngestionTarget {
        public ChannelSource {
            Objects.requireNonNull(id, "id");
        }

        @Override
        public String key() {
            return id.toString();
        }

        @Override
        public String what() {
            return "stream source";
        }
    }

    /** A guide source (XMLTV file or Xtream guide). */
    record GuideSource(EpgSourceId id) implements IngestionTarget {
        public GuideSource {
            Objects.requireNonNull(id, "id");
        }

        @Override
        public String key() {
            return id.toString();
        }

        @Override
        public String what() {
            return "epg source";
        }
    }
}
