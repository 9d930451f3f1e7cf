package io.tvarr.ingest.xmltv;

import io.tvarr.domain.epg.EpgSink;

/** Receives a guide as it is parsed; channels and programmes may arrive interleaved. */
public interface XmltvListener extends EpgSink {
    /** A programme or channel that could not be used, with where it starts; parsing goes on. */
    default void malformed(int line, int column, String reason) {}
}
