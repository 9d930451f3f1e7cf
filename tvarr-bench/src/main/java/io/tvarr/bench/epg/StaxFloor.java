package io.tvarr.bench.epg;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The floor for reading a guide: the JDK's own StAX reader decoding the whole file, every attribute value and text
 * read as a string, nothing kept. Whatever tvarr does on top (modelling, storing) is measured against this. Its
 * {@link #main} is the whole-process floor of a guide ({@code WholeProcessBench}): a JVM that starts, reads the guide
 * and prints the number of programmes.
 */
public final class StaxFloor {
    private final XMLInputFactory factory = XMLInputFactory.newDefaultFactory();

    /** Reads the guide {@code args[0]} and prints its number of programmes. */
    public static void main(String[] args) throws IOException {
        System.out.println(new StaxFloor().read(Path.of(args[0])) + " programmes");
    }

    StaxFloor() {
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    }

    /** Returns the number of {@code programme} elements, so the JIT cannot drop the work. */
    long read(Path guide) throws IOException {
        long programmes = 0;
        long characters = 0;
        try (InputStream in = Files.newInputStream(guide)) {
            XMLStreamReader reader = factory.createXMLStreamReader(in);
            try {
                while (reader.hasNext()) {
                    int event = reader.next();
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        if (reader.getLocalName().equals("programme")) {
                            programmes++;
                        }
                        for (int i = 0; i < reader.getAttributeCount(); i++) {
                            characters += reader.getAttributeValue(i).length();
                        }
                    } else if (event == XMLStreamConstants.CHARACTERS) {
                        characters += reader.getText().length();
                    }
                }
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            throw new IOException(guide + ": " + e.getMessage(), e);
        }
        return characters > 0 ? programmes : -1;
    }
}
