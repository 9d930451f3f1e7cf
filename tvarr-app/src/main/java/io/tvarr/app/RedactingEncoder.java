package io.tvarr.app;

import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import io.tvarr.domain.Redaction;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Masks credentials in every line the server logs, after the wrapped encoder wrote it: tvarr's own lines mask
 * URLs where they are made, but stack traces quote exception messages of the JDK, drivers and libraries, which
 * name the URL they failed on as it was given.
 */
final class RedactingEncoder extends EncoderBase<ILoggingEvent> {
    private final Encoder<ILoggingEvent> inner;
    private final Charset charset;
    private final boolean json;

    RedactingEncoder(Encoder<ILoggingEvent> inner) {
        this.inner = inner;
        // pattern encoders write in their charset (the platform's unless set); Logback's JSON encoder in UTF-8
        this.charset = inner instanceof LayoutWrappingEncoder<ILoggingEvent> layout && layout.getCharset() != null
                ? layout.getCharset()
                : inner instanceof LayoutWrappingEncoder ? Charset.defaultCharset() : StandardCharsets.UTF_8;
        this.json = inner instanceof JsonEncoder;
    }

    /** The encoder whose lines this one masks. */
    Encoder<ILoggingEvent> inner() {
        return inner;
    }

    @Override
    public byte[] headerBytes() {
        return inner.headerBytes();
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        byte[] bytes = inner.encode(event);
        String line = new String(bytes, charset);
        if (json) {
            line = unescapeSlashes(line);
        }
        String masked = Redaction.redactUrl(line);
        // identity: the common case keeps the encoder's bytes as they were
        return masked == line ? bytes : masked.getBytes(charset);
    }

    /**
     * Logback's JSON encoder writes '/' as {@code \/}, which hides "://" from {@link Redaction}; a plain '/' is the
     * same JSON. Other escapes, {@code \\} among them, stay as they are.
     */
    static String unescapeSlashes(String line) {
        if (line.indexOf("\\/") < 0) {
            return line;
        }
        StringBuilder out = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                char next = line.charAt(++i);
                if (next != '/') {
                    out.append(c);
                }
                out.append(next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    @Override
    public byte[] footerBytes() {
        return inner.footerBytes();
    }

    @Override
    public void stop() {
        inner.stop();
        super.stop();
    }
}
