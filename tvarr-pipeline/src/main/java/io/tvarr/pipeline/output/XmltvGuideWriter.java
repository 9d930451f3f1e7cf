package io.tvarr.pipeline.output;

import com.ctc.wstx.api.InvalidCharHandler;
import com.ctc.wstx.api.WstxOutputProperties;
import com.ctc.wstx.stax.WstxOutputFactory;
import io.tvarr.domain.StorageException;
import io.tvarr.domain.epg.EpgProgramme;
import io.tvarr.domain.epg.LocalizedText;
import io.tvarr.domain.epg.ProgrammeFlag;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import javax.xml.stream.XMLStreamException;
import org.codehaus.stax2.XMLStreamProperties;
import org.codehaus.stax2.XMLStreamWriter2;
import org.jspecify.annotations.Nullable;

/**
 * Writes an XMLTV guide element by element with Woodstox, in the element order the XMLTV DTD prescribes.
 * Unmodelled elements kept in {@link EpgProgramme#extraXml()} are copied through verbatim, each where the DTD
 * places it; elements outside the DTD (series-id, season, lcn…) are left out, so the guide stays valid, unless the
 * proxy keeps them: then they come last. Characters XML 1.0 cannot carry (control characters, U+FFFE, U+FFFF) are
 * written as spaces, so one provider's stray ESC cannot stop a guide from being written.
 * Call {@link #finish()} once at the end; the output stream is not closed. Not thread-safe.
 */
public final class XmltvGuideWriter {
    /** Preserved elements the DTD places; anything else (series-id, live, lcn…) is written last. */
    private static final Set<String> IN_DTD = Set.of(
            "credits",
            "date",
            "keyword",
            "language",
            "orig-language",
            "length",
            "url",
            "country",
            "video",
            "audio",
            "last-chance",
            "subtitles",
            "star-rating",
            "review",
            "image");

    private final XMLStreamWriter2 xml;
    private final XmltvTimes times = new XmltvTimes();
    private final boolean keepProviderExtras;

    /** A whole guide with only what the DTD knows: the declaration, doctype and opening {@code <tv>} are written now. */
    public XmltvGuideWriter(OutputStream out) {
        this(out, false);
    }

    /** A whole guide; {@code keepProviderExtras} also writes the provider's elements the DTD does not know. */
    public XmltvGuideWriter(OutputStream out, boolean keepProviderExtras) {
        this(out, true, keepProviderExtras);
    }

    private XmltvGuideWriter(OutputStream out, boolean document, boolean keepProviderExtras) {
        this.keepProviderExtras = keepProviderExtras;
        try {
            WstxOutputFactory factory = new WstxOutputFactory();
            // XMLTV has no namespaces, comments or CDATA, and the tests parse every guide back against the DTD;
            // skipping namespace bookkeeping and structure checks saves an eighth of the writing time (and lets a
            // fragment hold many top-level programmes)
            factory.setProperty(XMLStreamProperties.XSP_NAMESPACE_AWARE, false);
            factory.setProperty(WstxOutputProperties.P_OUTPUT_VALIDATE_STRUCTURE, false);
            factory.setProperty(WstxOutputProperties.P_OUTPUT_VALIDATE_CONTENT, false);
            factory.setProperty(
                    WstxOutputProperties.P_OUTPUT_INVALID_CHAR_HANDLER, new InvalidCharHandler.ReplacingHandler(' '));
            // the JDK's encoder turns ASCII text into bytes with an intrinsic; Woodstox's own UTF-8 writer goes char by
            // char, which made encoding a third of the cost of writing a big guide
            xml = (XMLStreamWriter2) factory.createXMLStreamWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            if (document) {
                xml.writeStartDocument("UTF-8", "1.0");
                xml.writeCharacters("\n");
                xml.writeDTD("<!DOCTYPE tv SYSTEM \"xmltv.dtd\">");
                xml.writeCharacters("\n");
                xml.writeStartElement("tv");
                xml.writeAttribute("generator-info-name", "tvarr");
                xml.writeCharacters("\n");
            }
        } catch (XMLStreamException e) {
            throw failure(e);
        }
    }

    /**
     * Programmes only, to be spliced into a guide between its channels and {@link #finish()}: lets other threads
     * render parts of one guide. Call {@link #flush()} before taking what was written; never {@link #finish()}.
     */
    public static XmltvGuideWriter fragment(OutputStream out, boolean keepProviderExtras) {
        return new XmltvGuideWriter(out, false, keepProviderExtras);
    }

    /** A channel; {@code id} must equal the tvg-id the playlist gives the channel. */
    public void channel(String id, List<LocalizedText> displayNames, @Nullable String icon) {
        try {
            xml.writeStartElement("channel");
            xml.writeAttribute("id", id);
            for (LocalizedText name : displayNames) {
                text("display-name", name.text(), name.lang());
            }
            if (icon != null) {
                xml.writeEmptyElement("icon");
                xml.writeAttribute("src", icon);
            }
            xml.writeEndElement();
            xml.writeCharacters("\n");
        } catch (XMLStreamException e) {
            throw failure(e);
        }
    }

    /** A programme of the channel with the given output id. */
    public void programme(String channelId, EpgProgramme p) {
        try {
            xml.writeStartElement("programme");
            xml.writeAttribute("start", times.format(p.start()));
            xml.writeAttribute("stop", times.format(p.stop()));
            xml.writeAttribute("channel", channelId);
            List<ExtraElements.Element> extras = p.extraXml() == null ? List.of() : ExtraElements.split(p.extraXml());
            text("title", p.title(), p.titleLang());
            optional("sub-title", p.subTitle());
            optional("desc", p.description());
            extras(extras, "credits", "date");
            for (String category : p.categories()) {
                text("category", category, null);
            }
            extras(extras, "keyword", "language", "orig-language", "length");
            if (p.iconUrl() != null) {
                xml.writeEmptyElement("icon");
                xml.writeAttribute("src", p.iconUrl());
            }
            extras(extras, "url", "country");
            episode("xmltv_ns", p.episodeXmltvNs());
            episode("onscreen", p.episodeOnscreen());
            extras(extras, "video", "audio");
            flag(p, ProgrammeFlag.PREVIOUSLY_SHOWN, "previously-shown");
            flag(p, ProgrammeFlag.PREMIERE, "premiere");
            extras(extras, "last-chance");
            flag(p, ProgrammeFlag.NEW, "new");
            extras(extras, "subtitles");
            if (p.rating() != null) {
                xml.writeStartElement("rating");
                text("value", p.rating(), null);
                xml.writeEndElement();
            }
            extras(extras, "star-rating", "review", "image");
            if (keepProviderExtras) {
                for (ExtraElements.Element extra : extras) {
                    if (!IN_DTD.contains(extra.name())) {
                        xml.writeRaw(extra.xml());
                    }
                }
            }
            xml.writeEndElement();
            xml.writeCharacters("\n");
        } catch (XMLStreamException e) {
            throw failure(e);
        }
    }

    /** Pushes everything written so far to the stream, so that bytes can be added to it directly. */
    public void flush() {
        try {
            xml.flush();
        } catch (XMLStreamException e) {
            throw failure(e);
        }
    }

    /** Closes the document and flushes; the stream stays open. */
    public void finish() {
        try {
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            throw failure(e);
        }
    }

    /** Writes the preserved elements with these names, in the DTD's place for them. */
    private void extras(List<ExtraElements.Element> extras, String... names) throws XMLStreamException {
        for (String name : names) {
            for (ExtraElements.Element extra : extras) {
                if (extra.name().equals(name)) {
                    xml.writeRaw(extra.xml());
                }
            }
        }
    }

    private void flag(EpgProgramme p, ProgrammeFlag flag, String element) throws XMLStreamException {
        if (p.flags().contains(flag)) {
            xml.writeEmptyElement(element);
        }
    }

    private void episode(String system, @Nullable String value) throws XMLStreamException {
        if (value != null) {
            xml.writeStartElement("episode-num");
            xml.writeAttribute("system", system);
            xml.writeCharacters(value);
            xml.writeEndElement();
        }
    }

    private void optional(String element, @Nullable String value) throws XMLStreamException {
        if (value != null) {
            text(element, value, null);
        }
    }

    private void text(String element, String value, @Nullable String lang) throws XMLStreamException {
        xml.writeStartElement(element);
        if (lang != null) {
            xml.writeAttribute("lang", lang);
        }
        xml.writeCharacters(value);
        xml.writeEndElement();
    }

    private static StorageException failure(XMLStreamException e) {
        // Woodstox wraps the stream's IOException without a message of its own
        Throwable cause = e.getCause() != null ? e.getCause() : e.getNestedException();
        String why = e.getMessage() != null
                ? e.getMessage()
                : cause != null && cause.getMessage() != null ? cause.getMessage() : "the output stream failed";
        return new StorageException("guide could not be written: " + why, e);
    }
}
