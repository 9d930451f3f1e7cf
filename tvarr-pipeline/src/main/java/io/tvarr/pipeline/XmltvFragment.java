package io.tvarr.pipeline;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Rendered XMLTV programmes of whole channels, a few hundred at a time, ready to be spliced into the guide file.
 * Owns its bytes (nobody writes to them after it is made); equality is identity, as for the array.
 */
record XmltvFragment(byte[] bytes) {
    void writeTo(OutputStream out) {
        try {
            out.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("guide could not be written: " + e.getMessage(), e);
        }
    }
}
