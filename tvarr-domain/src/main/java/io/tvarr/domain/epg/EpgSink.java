package io.tvarr.domain.epg;

/** Receives a guide as it is parsed: channels and programmes may arrive interleaved. */
public interface EpgSink {
    void channel(EpgChannel channel);

    void programme(EpgProgramme programme);
}
