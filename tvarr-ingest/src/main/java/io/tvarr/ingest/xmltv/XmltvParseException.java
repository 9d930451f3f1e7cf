package io.tvarr.ingest.xmltv;

import io.tvarr.domain.ValidationException;
import org.jspecify.annotations.Nullable;

/** The guide as a whole is unusable (broken XML, forbidden DTD entities, over a limit); names line and column. */
public final class XmltvParseException extends ValidationException {
    private static final long serialVersionUID = 1L;

    public XmltvParseException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
