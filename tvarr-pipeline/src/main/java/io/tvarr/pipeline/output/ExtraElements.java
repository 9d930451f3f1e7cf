package io.tvarr.pipeline.output;

import com.ctc.wstx.stax.WstxInputFactory;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Splits a programme's preserved XML fragment into its top-level elements so each can be written where the
 * XMLTV DTD wants it. A fragment that is not well-formed is dropped rather than corrupting the guide.
 */
final class ExtraElements {
    /** One top-level element: its name and its exact source text. */
    record Element(String name, String xml) {}

    private static final XMLInputFactory FACTORY = secureFactory();

    private ExtraElements() {}

    static List<Element> split(String fragment) {
        String wrapped = "<x>" + fragment + "</x>";
        List<Element> elements = new ArrayList<>();
        try {
            XMLStreamReader reader = FACTORY.createXMLStreamReader(new StringReader(wrapped));
            int depth = 0;
            int start = -1;
            String name = null;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    if (depth == 2) {
                        start = reader.getLocation().getCharacterOffset();
                        name = reader.getLocalName();
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    if (depth == 2 && name != null) {
                        int end = endOfTag(reader, wrapped);
                        elements.add(new Element(name, wrapped.substring(start, end)));
                        name = null;
                    }
                    depth--;
                }
            }
        } catch (XMLStreamException e) {
            return List.of();
        }
        return elements;
    }

    /** At an end tag the reader stands on its '<' (or on the start of an empty tag); the element ends after '>'. */
    private static int endOfTag(XMLStreamReader reader, String text) {
        int close = text.indexOf('>', reader.getLocation().getCharacterOffset());
        return close < 0 ? text.length() : close + 1;
    }

    private static XMLInputFactory secureFactory() {
        XMLInputFactory factory = new WstxInputFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        return factory;
    }
}
