package io.tvarr.ingest.xmltv;

import com.ctc.wstx.api.WstxInputProperties;
import com.ctc.wstx.stax.WstxInputFactory;
import com.ctc.wstx.stax.WstxOutputFactory;
import io.tvarr.domain.PlainText;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.epg.EpgChannel;
import io.tvarr.domain.epg.EpgProgramme;
import io.tvarr.domain.epg.LocalizedText;
import io.tvarr.domain.epg.ProgrammeFlag;
import io.tvarr.ingest.fetch.CountingInputStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import org.jspecify.annotations.Nullable;

/**
 * A streaming XMLTV parser on Woodstox. DTDs are never processed and external entities never resolved, so XXE and
 * entity-expansion bombs fail instead of reading files or exhausting memory; a declared DOCTYPE is skipped, never
 * fetched. Gzip is detected by its magic bytes. Programmes without a stop get the start of the next programme of
 * the same channel (one pending programme per channel is held for that) or are dropped and reported. Elements
 * tvarr does not model are kept as an XML fragment. Thread-safe; the caller closes the stream.
 */
public final class XmltvParser {
    private static final XMLInputFactory INPUT = inputFactory();
    private static final WstxOutputFactory OUTPUT = outputFactory();
    private static final int HTML_SNIFF = 1024;

    private final XmltvLimits limits;

    /** A parser with {@link XmltvLimits#DEFAULT}. */
    public XmltvParser() {
        this(XmltvLimits.DEFAULT);
    }

    public XmltvParser(XmltvLimits limits) {
        this.limits = limits;
    }

    public void parse(InputStream in, XmltvOptions options, XmltvListener listener) {
        try {
            CountingInputStream compressed = new CountingInputStream(new NonClosing(in));
            BufferedInputStream buffered = new BufferedInputStream(compressed, 64 * 1024);
            buffered.mark(2);
            int first = buffered.read();
            int second = buffered.read();
            buffered.reset();
            boolean gzip = first == 0x1f && second == 0x8b;
            InputStream body = new BufferedInputStream(
                    gzip
                            ? CappedInput.of(new GZIPInputStream(buffered, 64 * 1024), limits, compressed)
                            : CappedInput.of(buffered, limits, null),
                    16 * 1024);
            refuseHtml(body);
            XMLStreamReader reader = INPUT.createXMLStreamReader(body);
            try {
                new Run(reader, options, listener).run();
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            throw new XmltvParseException(describe(e), e);
        } catch (IOException e) {
            throw new UncheckedIOException("guide could not be read: " + e.getMessage(), e);
        }
    }

    /**
     * A web page served instead of a guide is named as such; HTML is seldom well-formed XML, so it must be
     * recognised before the XML reader fails on it with a message about some attribute.
     */
    private static void refuseHtml(InputStream body) throws IOException {
        body.mark(HTML_SNIFF);
        byte[] head = body.readNBytes(HTML_SNIFF);
        body.reset();
        String text = new String(head, java.nio.charset.StandardCharsets.ISO_8859_1).toLowerCase(java.util.Locale.ROOT);
        int at = text.indexOf("<!doctype html");
        at = at >= 0 ? at : text.indexOf("<html");
        if (at >= 0) {
            int line = 1
                    + (int) text.substring(0, at).chars().filter(c -> c == '\n').count();
            int column = at - text.lastIndexOf('\n', at - 1);
            throw new XmltvParseException(
                    "line " + line + ", column " + column
                            + ": an HTML page, not an XMLTV guide (an error or login page?)",
                    null);
        }
    }

    private static String describe(XMLStreamException e) {
        Location at = e.getLocation();
        String message =
                e.getMessage() == null ? "broken XML" : e.getMessage().replaceAll("(?s)\\s*at \\[row,col.*", "");
        message = message.replaceFirst("^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message: ", "")
                .strip();
        return at == null
                ? "broken XML: " + message
                : "line " + at.getLineNumber() + ", column " + at.getColumnNumber() + ": " + message;
    }

    /** One parse: walks the document and holds the stop-less programme of each channel. */
    private static final class Run {
        private final XMLStreamReader reader;
        private final XmltvOptions options;
        private final XmltvListener listener;
        private final Map<String, PendingProgramme> waitingForStop = new HashMap<>();
        private final long shiftSeconds;

        Run(XMLStreamReader reader, XmltvOptions options, XmltvListener listener) {
            this.reader = reader;
            this.options = options;
            this.listener = listener;
            this.shiftSeconds = options.shiftMinutes() * 60L;
        }

        void run() throws XMLStreamException {
            boolean root = true;
            while (reader.hasNext()) {
                if (reader.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                if (root) {
                    root = false;
                    refuseHtml();
                }
                switch (reader.getLocalName()) {
                    case "channel" -> channel();
                    case "programme" -> programme();
                    default -> {
                        // <tv> and anything unknown at the top: keep walking into it
                    }
                }
            }
            waitingForStop
                    .values()
                    .forEach(p -> listener.malformed(
                            p.line,
                            p.column,
                            "programme '" + p.programme.title + "' on " + p.programme.channel
                                    + " has no stop and no following programme; dropped"));
        }

        /** A web page served instead of a guide is named as such, not reported as broken XML further down. */
        private void refuseHtml() {
            if (reader.getLocalName().equalsIgnoreCase("html")) {
                Location at = reader.getLocation();
                throw new XmltvParseException(
                        "line " + at.getLineNumber() + ", column " + at.getColumnNumber()
                                + ": an HTML page, not an XMLTV guide (an error or login page?)",
                        null);
            }
        }

        private void channel() throws XMLStreamException {
            Location at = reader.getLocation();
            String id = attribute("id");
            List<LocalizedText> names = new ArrayList<>();
            String icon = null;
            String url = null;
            int depth = 1;
            while (depth > 0) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (reader.getLocalName()) {
                        case "display-name" -> {
                            String lang = attribute("lang");
                            names.add(new LocalizedText(elementText().strip(), lang));
                        }
                        case "icon" -> {
                            icon = attribute("src");
                            skip();
                        }
                        case "url" -> url = elementText().strip();
                        default -> skip();
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                }
            }
            if (id == null || id.isBlank()) {
                listener.malformed(at.getLineNumber(), at.getColumnNumber(), "channel without id; skipped");
                return;
            }
            listener.channel(new EpgChannel(options.source(), id.strip(), names, icon, url));
        }

        private void programme() throws XMLStreamException {
            Location at = reader.getLocation();
            ProgrammeParts parts = new ProgrammeParts();
            parts.channel = attribute("channel");
            parts.start = attribute("start");
            parts.stop = attribute("stop");
            Extras extras = new Extras();
            int depth = 1;
            while (depth > 0) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    child(parts, extras);
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                }
            }
            parts.extraXml = extras.text();
            emit(parts, at.getLineNumber(), at.getColumnNumber());
        }

        private void child(ProgrammeParts parts, Extras extras) throws XMLStreamException {
            switch (reader.getLocalName()) {
                case "title" -> {
                    String lang = attribute("lang");
                    String text = elementText().strip();
                    if (parts.title == null) {
                        parts.title = text;
                        parts.titleLang = lang;
                    }
                }
                case "sub-title" -> parts.subTitle = first(parts.subTitle, elementText());
                case "desc" -> parts.description = first(parts.description, PlainText.multiLine(rawText()));
                case "category" -> parts.categories.add(elementText().strip());
                case "icon" -> {
                    parts.icon = first(parts.icon, attribute("src"));
                    skip();
                }
                case "episode-num" -> {
                    String system = attribute("system");
                    String value = elementText().strip();
                    if ("onscreen".equals(system)) {
                        parts.onscreen = first(parts.onscreen, value);
                    } else if (system == null || "xmltv_ns".equals(system)) {
                        parts.xmltvNs = first(parts.xmltvNs, value.replace(" ", ""));
                    } else {
                        copyEpisodeNumber(extras.writer(), system, value);
                    }
                }
                case "rating" -> parts.rating = first(parts.rating, ratingValue());
                case "new" -> flag(parts, ProgrammeFlag.NEW);
                case "live" -> flag(parts, ProgrammeFlag.LIVE);
                case "premiere" -> flag(parts, ProgrammeFlag.PREMIERE);
                case "previously-shown" -> flag(parts, ProgrammeFlag.PREVIOUSLY_SHOWN);
                default -> copy(extras.writer());
            }
        }

        private void emit(ProgrammeParts parts, int line, int column) {
            Instant start = parts.start == null
                    ? null
                    : XmltvTime.parse(parts.start, options.zone()).orElse(null);
            Instant stop = parts.stop == null
                    ? null
                    : XmltvTime.parse(parts.stop, options.zone()).orElse(null);
            String problem = parts.channel == null || parts.channel.isBlank()
                    ? "programme without channel"
                    : start == null
                            ? "programme start '" + parts.start + "' is not an XMLTV time"
                            : parts.stop != null && stop == null
                                    ? "programme stop '" + parts.stop + "' is not an XMLTV time"
                                    : parts.title == null ? "programme without title" : null;
            if (problem != null) {
                listener.malformed(line, column, problem + "; skipped");
                return;
            }
            parts.startAt = start.plusSeconds(shiftSeconds);
            parts.stopAt = stop == null ? null : stop.plusSeconds(shiftSeconds);
            String channel = parts.channel.strip();
            PendingProgramme waiting = waitingForStop.remove(channel);
            if (waiting != null) {
                waiting.programme.stopAt = parts.startAt;
                deliver(waiting.programme, waiting.line, waiting.column);
            }
            if (parts.stopAt == null) {
                waitingForStop.put(channel, new PendingProgramme(parts, line, column));
            } else {
                deliver(parts, line, column);
            }
        }

        private void deliver(ProgrammeParts p, int line, int column) {
            try {
                listener.programme(new EpgProgramme(
                        options.source(),
                        p.channel.strip(),
                        p.startAt,
                        p.stopAt,
                        p.title,
                        p.titleLang,
                        p.subTitle,
                        p.description,
                        p.categories,
                        p.icon,
                        p.xmltvNs,
                        p.onscreen,
                        p.rating,
                        // most programmes have no flag: an empty immutable set is taken as it is, not copied
                        p.flags.isEmpty() ? Set.of() : p.flags,
                        p.extraXml));
            } catch (ValidationException e) {
                listener.malformed(line, column, "programme '" + p.title + "': " + e.getMessage() + "; skipped");
            }
        }

        private @Nullable String ratingValue() throws XMLStreamException {
            String value = null;
            int depth = 1;
            while (depth > 0) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    if (reader.getLocalName().equals("value")) {
                        value = elementText().strip();
                    } else {
                        skip();
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                }
            }
            return value;
        }

        private void flag(ProgrammeParts parts, ProgrammeFlag flag) throws XMLStreamException {
            parts.flags.add(flag);
            skip();
        }

        /** Re-serialises the current element and everything in it into the extras fragment. */
        private void copy(XMLStreamWriter out) throws XMLStreamException {
            int depth = 0;
            do {
                int event = reader.getEventType();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    out.writeStartElement(reader.getLocalName());
                    for (int i = 0; i < reader.getAttributeCount(); i++) {
                        out.writeAttribute(
                                reader.getAttributeLocalName(i), PlainText.singleLine(reader.getAttributeValue(i)));
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                    out.writeEndElement();
                } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                    out.writeCharacters(PlainText.multiLine(reader.getText()));
                }
                if (depth > 0) {
                    reader.next();
                }
            } while (depth > 0);
        }

        private void copyEpisodeNumber(XMLStreamWriter out, String system, String value) throws XMLStreamException {
            out.writeStartElement("episode-num");
            out.writeAttribute("system", system);
            out.writeCharacters(value);
            out.writeEndElement();
        }

        /** The text of the current element on one line, cleaned of what XML 1.0 and M3U cannot carry. */
        private String elementText() throws XMLStreamException {
            return PlainText.singleLine(rawText());
        }

        /**
         * The text of the current element; nested markup (seen inside desc in the wild) is skipped, not fatal. The
         * usual element holds one piece of text, which is returned as the reader made it, without a copy.
         */
        private String rawText() throws XMLStreamException {
            String single = null;
            StringBuilder text = null;
            int depth = 1;
            while (depth > 0) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                } else if (depth == 1
                        && (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA)) {
                    String piece = reader.getText();
                    if (single == null) {
                        single = piece;
                    } else {
                        if (text == null) {
                            text = new StringBuilder(single);
                        }
                        text.append(piece);
                    }
                }
            }
            return text != null ? text.toString() : single != null ? single : "";
        }

        private void skip() throws XMLStreamException {
            int depth = 1;
            while (depth > 0) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                }
            }
        }

        private @Nullable String attribute(String name) {
            String value = reader.getAttributeValue(null, name);
            return value == null || value.isBlank() ? null : PlainText.singleLine(value);
        }

        private static @Nullable String first(@Nullable String existing, @Nullable String value) {
            if (existing != null) {
                return existing;
            }
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    /** The unmodelled elements of one programme; the writer is only created when one turns up. */
    private static final class Extras {
        private @Nullable StringWriter text;
        private @Nullable XMLStreamWriter writer;

        XMLStreamWriter writer() throws XMLStreamException {
            if (writer == null) {
                text = new StringWriter();
                writer = OUTPUT.createXMLStreamWriter(text);
            }
            return writer;
        }

        @Nullable
        String text() throws XMLStreamException {
            if (writer == null || text == null) {
                return null;
            }
            writer.flush();
            return text.toString();
        }
    }

    /** The pieces of a programme while its element is read. */
    private static final class ProgrammeParts {
        @Nullable
        String channel;

        @Nullable
        String start;

        @Nullable
        String stop;

        @Nullable
        Instant startAt;

        @Nullable
        Instant stopAt;

        @Nullable
        String title;

        @Nullable
        String titleLang;

        @Nullable
        String subTitle;

        @Nullable
        String description;

        final List<String> categories = new ArrayList<>(2);

        @Nullable
        String icon;

        @Nullable
        String xmltvNs;

        @Nullable
        String onscreen;

        @Nullable
        String rating;

        final Set<ProgrammeFlag> flags = EnumSet.noneOf(ProgrammeFlag.class);

        @Nullable
        String extraXml;
    }

    private record PendingProgramme(ProgrammeParts programme, int line, int column) {}

    /** Fragments hold several sibling elements, so the writer must not insist on a single root. */
    private static WstxOutputFactory outputFactory() {
        WstxOutputFactory factory = new WstxOutputFactory();
        factory.setProperty(com.ctc.wstx.api.WstxOutputProperties.P_OUTPUT_VALIDATE_STRUCTURE, false);
        return factory;
    }

    private static XMLInputFactory inputFactory() {
        XMLInputFactory factory = new WstxInputFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setProperty(WstxInputProperties.P_MAX_ATTRIBUTE_SIZE, 1 << 20);
        factory.setProperty(WstxInputProperties.P_MAX_TEXT_LENGTH, 16 << 20);
        return factory;
    }

    /** The caller owns the stream. */
    private static final class NonClosing extends java.io.FilterInputStream {
        NonClosing(InputStream in) {
            super(in);
        }

        @Override
        public void close() {}
    }
}
