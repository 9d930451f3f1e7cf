package io.tvarr.domain.ingestion;

import io.tvarr.domain.Checks;
import io.tvarr.domain.epg.EpgSourceId;
import io.tvarr.domain.source.SourceId;

/**
 * An input of proxies was ingested successfully, however the ingestion was started: the proxies that use it now
 * publish stale channels or guide data.
 */
public sealed interface InputRefreshed {

    /** A channel source's channels were replaced. */
    record ChannelSource(SourceId id) implements InputRefreshed {
        public ChannelSource {
            Checks.requireNonNull(id, "id");
        }
    }

    /** A guide source's channels and programmes were replaced. */
    record Guide(EpgSourceId id) implements InputRefreshed {
        public Guide {
            Checks.requireNonNull(id, "id");
        }
    }

    /** Told of every refreshed input. Runs on the ingesting thread, so it must return quickly and never throw. */
    @FunctionalInterface
    interface Listener {
        void refreshed(InputRefreshed event);
    }
}
