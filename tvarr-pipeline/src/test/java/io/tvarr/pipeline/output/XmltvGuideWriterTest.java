package io.tvarr.pipeline.output;

import static org.assertj.core.api.Assertions.assertThat;

import io.tvarr.domain.epg.EpgProgramme;
import io.tvarr.domain.epg.EpgSourceId;
import io.tvarr.domain.epg.LocalizedText;
import io.tvarr.domain.epg.ProgrammeFlag;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

class XmltvGuideWriterTest {
    private static final EpgSourceId SOURCE = EpgSourceId.random();

    private byte[] guide(boolean withExtras) {
        return guide(withExtras, false);
    }

    private byte[] guide(boolean withExtras, boolean keepProviderExtras) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XmltvGuideWriter writer = new XmltvGuideWriter(out, keepProviderExtras);
        writer.channel(
                "bbc1.uk",
                List.of(new LocalizedText("BBC One", "en"), new LocalizedText("BBC 1 & Friends <HD>", null)),
                "http://img.example/a.png?x=1&y=2");
        writer.programme(
                "bbc1.uk",
                new EpgProgramme(
                        SOURCE,
                        "source-id-ignored",
                        Instant.parse("2026-01-01T18:00:00Z"),
                        Instant.parse("2026-01-01T18:30:00Z"),
                        "News & \"Weather\"",
                        "en",
                        "Evening <edition>",
                        "Line one\nline two",
                        List.of("News", "Weather"),
                        "http://img.example/p.png",
                        "1.4.0/1",
                        "S02E05",
                        "PG",
                        Set.of(ProgrammeFlag.NEW, ProgrammeFlag.PREVIOUSLY_SHOWN, ProgrammeFlag.LIVE),
                        withExtras
                                ? "<star-rating><value>4/5</value></star-rating><credits><actor>A &amp; B</actor></credits><date>2026</date>"
                                        + "<series-id system=\"pluto\">abc</series-id><season>2</season><episode>5</episode>"
                                : null));
        writer.finish();
        return out.toByteArray();
    }

    @Test
    void the_guide_is_well_formed_and_reads_back_with_escapes_intact() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(guide(true)));

        Element programme = (Element) doc.getElementsByTagName("programme").item(0);
        assertThat(programme.getAttribute("start")).isEqualTo("20260101180000 +0000");
        assertThat(programme.getAttribute("channel")).isEqualTo("bbc1.uk");
        assertThat(programme.getElementsByTagName("title").item(0).getTextContent())
                .isEqualTo("News & \"Weather\"");
        assertThat(programme.getElementsByTagName("desc").item(0).getTextContent())
                .isEqualTo("Line one\nline two");
        assertThat(programme.getElementsByTagName("star-rating").getLength()).isEqualTo(1);
        assertThat(programme.getElementsByTagName("actor").item(0).getTextContent())
                .isEqualTo("A & B");
        Element channel = (Element) doc.getElementsByTagName("channel").item(0);
        assertThat(channel.getElementsByTagName("display-name").item(1).getTextContent())
                .isEqualTo("BBC 1 & Friends <HD>");
        assertThat(new String(guide(true), StandardCharsets.UTF_8))
                .contains("<new/>")
                .doesNotContain("<live");
    }

    @Test
    void the_guide_is_valid_against_the_xmltv_dtd() throws Exception {
        assertThat(dtdErrors(guide(true))).isEmpty();
    }

    @Test
    void provider_elements_the_dtd_does_not_know_are_left_out_by_default() {
        assertThat(new String(guide(true), StandardCharsets.UTF_8))
                .contains("<credits>")
                .doesNotContain("series-id")
                .doesNotContain("<season>")
                .doesNotContain("<episode>");
    }

    @Test
    void a_proxy_may_keep_the_providers_extra_elements() {
        assertThat(new String(guide(true, true), StandardCharsets.UTF_8))
                .contains("<series-id system=\"pluto\">abc</series-id>")
                .contains("<season>2</season>");
    }

    @Test
    void characters_xml_cannot_carry_never_break_the_guide() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XmltvGuideWriter writer = new XmltvGuideWriter(out);
        writer.channel("esc.uk", List.of(new LocalizedText("Esc\u001b[1mape\u0000", "en")), null);
        writer.programme(
                "esc.uk",
                new EpgProgramme(
                        SOURCE,
                        "esc.uk",
                        Instant.parse("2026-01-01T18:00:00Z"),
                        Instant.parse("2026-01-01T18:30:00Z"),
                        "Bell\u0007 and \uFFFF",
                        null,
                        null,
                        "line\u000b two",
                        List.of(),
                        null,
                        null,
                        null,
                        null,
                        Set.of(),
                        null));
        writer.finish();

        assertThat(dtdErrors(out.toByteArray())).isEmpty();
        assertThat(new String(out.toByteArray(), StandardCharsets.UTF_8))
                .contains("[1mape")
                .contains(" and ");
    }

    private static List<String> dtdErrors(byte[] guide) throws Exception {
        Path dtd = XmltvDtd.require();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setValidating(true);
        var builder = factory.newDocumentBuilder();
        builder.setEntityResolver((publicId, systemId) -> new InputSource(Files.newInputStream(dtd)));
        List<String> errors = new ArrayList<>();
        builder.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {}

            @Override
            public void error(SAXParseException e) {
                errors.add("line " + e.getLineNumber() + ": " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                errors.add("line " + e.getLineNumber() + ": " + e.getMessage());
            }
        });

        builder.parse(new ByteArrayInputStream(guide));
        return errors;
    }
}
