package io.tvarr.pipeline.output;

import io.tvarr.domain.StorageException;
import io.tvarr.domain.xtream.XtreamProgramme;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.Consumer;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

/**
 * Reads one channel's programmes back from a published XMLTV guide, as a stream (StAX, DTDs and external entities
 * off): memory stays flat however big the guide. Reads the whole file unless the limit is reached first, since a
 * channel's programmes may come in more than one block when several guides feed the proxy.
 */
public final class XtreamGuideReader {
    private static final DateTimeFormatter XMLTV = DateTimeFormatter.ofPattern("yyyyMMddHHmmss Z");

    private final XMLInputFactory factory = XMLInputFactory.newFactory();

    public XtreamGuideReader() {
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    /** Pushes the programmes of {@code guideId} ending after {@code from}, at most {@code limit} (0: all). */
    public void read(Path file, String guideId, Instant from, int limit, Consumer<XtreamProgramme> sink) {
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader xml = factory.createXMLStreamReader(in);
            try {
                int pushed = 0;
                while (xml.hasNext() && (limit == 0 || pushed < limit)) {
                    if (xml.next() == XMLStreamConstants.START_ELEMENT
                            && xml.getLocalName().equals("programme")
                            && guideId.equals(xml.getAttributeValue(null, "channel"))) {
                        XtreamProgramme programme = programme(xml, guideId);
                        if (programme != null && programme.stop().isAfter(from)) {
                            sink.accept(programme);
                            pushed++;
                        }
                    }
                }
            } finally {
                xml.close();
            }
        } catch (NoSuchFileException e) {
            // never published: no programmes
        } catch (IOException | XMLStreamException e) {
            throw new StorageException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** Reads the programme the reader stands on to its end tag; null when its times cannot be read. */
    private static @Nullable XtreamProgramme programme(XMLStreamReader xml, String guideId) throws XMLStreamException {
        Instant start = time(xml.getAttributeValue(null, "start"));
        Instant stop = time(xml.getAttributeValue(null, "stop"));
        String title = null;
        String lang = null;
        String description = null;
        int depth = 1;
        while (depth > 0 && xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                if (depth == 2 && title == null && xml.getLocalName().equals("title")) {
                    lang = xml.getAttributeValue(null, "lang");
                    title = xml.getElementText();
                    depth--;
                } else if (depth == 2
                        && description == null
                        && xml.getLocalName().equals("desc")) {
                    description = xml.getElementText();
                    depth--;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        if (start == null || stop == null) {
            return null;
        }
        return new XtreamProgramme(guideId, start, stop, title == null ? "" : title, description, lang);
    }

    private static @Nullable Instant time(@Nullable String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip(), XMLTV).toInstant();
        } catch (DateTimeParseException e) {
            return null; // the writer always writes both; a guide edited by hand may not
        }
    }
}
