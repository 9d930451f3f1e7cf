package io.tvarr.http.hdhr;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.tvarr.domain.proxy.LineupChannel;
import io.tvarr.domain.proxy.ProxyId;
import io.tvarr.domain.proxy.port.in.ListLineupUseCase;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.function.Supplier;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * lineup.json and lineup.xml, written channel by channel as the lineup is read, never held whole. The output is
 * opened only at the first channel (or at the end when there is none), so a failure before it (a proxy that cannot
 * be generated) is still answered as a problem.
 */
final class LineupDocuments {
    private final ListLineupUseCase lineups;
    private final JsonFactory json = new JsonFactory();
    private final XMLOutputFactory xml = XMLOutputFactory.newFactory();

    LineupDocuments(ListLineupUseCase lineups) {
        this.lineups = lineups;
    }

    /** {@code [{"GuideNumber": "101", "GuideName": "BBC One", "URL": "http://…"}, …]}, numbers as strings. */
    void json(ProxyId proxy, Supplier<OutputStream> out) {
        JsonGenerator[] writer = {null};
        try {
            lineups.forEachChannel(proxy, channel -> write(channel, started(writer, out)));
            JsonGenerator generator = started(writer, out);
            generator.writeEndArray();
            generator.close();
        } catch (IOException e) {
            throw new UncheckedIOException("lineup.json could not be written: " + e.getMessage(), e);
        }
    }

    /** {@code <Lineup><Program><GuideNumber/><GuideName/><URL/></Program>…</Lineup>}. */
    void xml(ProxyId proxy, Supplier<OutputStream> out) {
        XMLStreamWriter[] writer = {null};
        try {
            lineups.forEachChannel(proxy, channel -> write(channel, started(writer, out)));
            XMLStreamWriter document = started(writer, out);
            document.writeEndElement();
            document.writeEndDocument();
            document.close();
        } catch (XMLStreamException e) {
            throw new UncheckedIOException("lineup.xml could not be written", new IOException(e));
        }
    }

    private JsonGenerator started(JsonGenerator[] writer, Supplier<OutputStream> out) {
        if (writer[0] == null) {
            try {
                writer[0] = json.createGenerator(out.get());
                writer[0].writeStartArray();
            } catch (IOException e) {
                throw new UncheckedIOException("lineup.json could not be written: " + e.getMessage(), e);
            }
        }
        return writer[0];
    }

    private XMLStreamWriter started(XMLStreamWriter[] writer, Supplier<OutputStream> out) {
        if (writer[0] == null) {
            try {
                writer[0] = xml.createXMLStreamWriter(out.get(), "UTF-8");
                writer[0].writeStartDocument("UTF-8", "1.0");
                writer[0].writeStartElement("Lineup");
            } catch (XMLStreamException e) {
                throw new UncheckedIOException("lineup.xml could not be written", new IOException(e));
            }
        }
        return writer[0];
    }

    private static void write(LineupChannel channel, JsonGenerator out) {
        try {
            out.writeStartObject();
            out.writeStringField("GuideNumber", channel.number());
            out.writeStringField("GuideName", channel.name());
            out.writeStringField("URL", channel.streamUrl());
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("lineup.json could not be written: " + e.getMessage(), e);
        }
    }

    private static void write(LineupChannel channel, XMLStreamWriter out) {
        try {
            out.writeStartElement("Program");
            element(out, "GuideNumber", channel.number());
            element(out, "GuideName", channel.name());
            element(out, "URL", channel.streamUrl());
            out.writeEndElement();
        } catch (XMLStreamException e) {
            throw new UncheckedIOException("lineup.xml could not be written", new IOException(e));
        }
    }

    private static void element(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeStartElement(name);
        // XML 1.0 cannot carry control characters even escaped; a provider's name may hold some
        xml.writeCharacters(value.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]", " "));
        xml.writeEndElement();
    }
}
