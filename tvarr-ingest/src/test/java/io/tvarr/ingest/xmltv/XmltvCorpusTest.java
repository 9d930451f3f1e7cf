package io.tvarr.ingest.xmltv;

import static org.assertj.core.api.Assertions.assertThat;

import io.tvarr.domain.SharedCorpus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Real guides written by others (../shared/corpus/xmltv, present in CI) parse, plain or gzipped. */
class XmltvCorpusTest {
    @Test
    void every_corpus_guide_parses() throws IOException {
        Path root = SharedCorpus.require("xmltv");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".xml") || p.toString().endsWith(".xml.gz"))
                    .sorted()
                    .toList();
        }
        List<String> failures = new ArrayList<>();
        long programmes = 0;
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                XmltvParserTest.Collected guide = XmltvParserTest.parse(in, ZoneId.of("UTC"), 0);
                programmes += guide.programmes.size();
            } catch (XmltvParseException e) {
                failures.add(root.relativize(file) + ": " + e.getMessage());
            }
        }
        assertThat(files).hasSizeGreaterThan(10);
        // ektotv's broken.xml is broken on purpose: it must fail, naming the place
        assertThat(failures).singleElement().asString().startsWith("ektotv-xmltv/broken.xml: line 9, column 13:");
        assertThat(programmes).isGreaterThan(1000);
    }
}
