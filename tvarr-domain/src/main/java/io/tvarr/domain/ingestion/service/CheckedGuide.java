package io.tvarr.domain.ingestion.service;

import io.tvarr.domain.epg.EpgChannel;
import io.tvarr.domain.epg.EpgProgramme;
import io.tvarr.domain.epg.EpgSink;
import io.tvarr.domain.epg.EpgSourceId;

/**
 * A guide on its way from its handler to where it is kept (its spool, or the replace's sink for a local file):
 * refuses what belongs to another source and counts the programmes for the drop guard. Not thread-safe.
 */
final class CheckedGuide implements EpgSink {
    private final EpgSourceId source;
    private final EpgSink store;
    private long programmes;

    CheckedGuide(EpgSourceId source, EpgSink store) {
        this.source = source;
        this.store = store;
    }

    @Override
    public void channel(EpgChannel channel) {
        requireSource(channel.sourceId(), "guide channel", channel.id());
        store.channel(channel);
    }

    @Override
    public void programme(EpgProgramme programme) {
        requireSource(programme.sourceId(), "programme of", programme.channelId());
        store.programme(programme);
        programmes++;
    }

    /** How many programmes went to the store. */
    long programmes() {
        return programmes;
    }

    /** The message is made only for a refusal: a guide passes a million programmes through here. */
    private void requireSource(EpgSourceId owner, String what, String id) {
        if (!owner.equals(source)) {
            throw new IllegalArgumentException(what + " " + id + ": belongs to guide " + owner + ", not " + source);
        }
    }
}
