package io.tvarr.ingest.xmltv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tvarr.domain.epg.EpgChannel;
import io.tvarr.domain.epg.EpgProgramme;
import io.tvarr.domain.epg.EpgSourceId;
import io.tvarr.domain.epg.LocalizedText;
import io.tvarr.domain.epg.ProgrammeFlag;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class XmltvParserTest {
    static final EpgSourceId SOURCE = EpgSourceId.random();

    static final class Collected implements XmltvListener {
        final List<EpgChannel> channels = new ArrayList<>();
        final List<EpgProgramme> programmes = new ArrayList<>();
        final List<String> malformed = new ArrayList<>();

        @Override
        public void channel(EpgChannel channel) {
            channels.add(channel);
        }

        @Override
        public void programme(EpgProgramme programme) {
            programmes.add(programme);
        }

        @Override
        public void malformed(int line, int column, String reason) {
            malformed.add("line " + line + ": " + reason);
        }
    }

    static Collected parse(InputStream in, ZoneId zone, int shift) {
        Collected collected = new Collected();
        new XmltvParser().parse(in, new XmltvOptions(SOURCE, zone, shift), collected);
        return collected;
    }

    static Collected parseResource(String name) throws IOException {
        try (InputStream in = XmltvParserTest.class.getResourceAsStream("/xmltv/" + name)) {
            return parse(in, ZoneId.of("Europe/Berlin"), 0);
        }
    }

    EpgProgramme titled(Collected guide, String title) {
        return guide.programmes.stream()
                .filter(p -> p.title().equals(title))
                .findFirst()
                .orElseThrow();
    }

    @Nested
    class Odd_cases {
        Collected guide;

        @BeforeEach
        void parse_fixture() throws IOException {
            guide = parseResource("odd-cases.xml");
        }

        @Test
        void interleaved_channels_with_every_display_name_icon_and_url() {
            assertThat(guide.channels).extracting(EpgChannel::id).containsExactly("bbc1.uk", "itv1.uk");
            EpgChannel bbc = guide.channels.get(0);
            assertThat(bbc.displayNames())
                    .containsExactly(new LocalizedText("BBC One", "en"), new LocalizedText("BBC 1", null));
            assertThat(bbc.iconUrl()).isEqualTo("http://img.example/bbc.png?a=1&b=2");
            assertThat(bbc.url()).isEqualTo("http://www.bbc.co.uk");
        }

        @Test
        void a_programme_keeps_every_modelled_field() {
            EpgProgramme news = titled(guide, "News & Weather");

            assertThat(news.start()).isEqualTo(Instant.parse("2026-01-01T18:00:00Z"));
            assertThat(news.titleLang()).isEqualTo("en");
            assertThat(news.subTitle()).isEqualTo("Evening");
            assertThat(news.description()).isEqualTo("The day's news.");
            assertThat(news.categories()).containsExactly("News", "Current affairs");
            assertThat(news.iconUrl()).isEqualTo("http://img.example/news.png");
            assertThat(news.episodeXmltvNs()).isEqualTo("1.4.0/1");
            assertThat(news.episodeOnscreen()).isEqualTo("S02E05");
            assertThat(news.rating()).isEqualTo("PG");
            assertThat(news.flags())
                    .containsExactlyInAnyOrder(ProgrammeFlag.PREVIOUSLY_SHOWN, ProgrammeFlag.NEW, ProgrammeFlag.LIVE);
        }

        @Test
        void unknown_elements_are_preserved_as_xml() {
            assertThat(titled(guide, "News & Weather").extraXml())
                    .contains("<credits><presenter>Huw</presenter></credits>")
                    .contains("<episode-num system=\"dd_progid\">EP0001</episode-num>")
                    .contains("<series-id system=\"thetvdb.com\">123</series-id>")
                    .contains("<star-rating><value>4/5</value></star-rating>");
        }

        @Test
        void times_with_negative_offsets_truncated_forms_and_no_offset() {
            EpgProgramme noStop = titled(guide, "No stop, next follows");
            assertThat(noStop.start()).isEqualTo(Instant.parse("2026-01-01T17:30:00Z"));
            EpgProgramme local = titled(guide, "Local time");
            assertThat(local.stop()).isEqualTo(Instant.parse("2026-01-01T18:30:00Z"));
        }

        @Test
        void a_missing_stop_takes_the_next_start_of_the_channel() {
            EpgProgramme local = titled(guide, "Local time");
            assertThat(local.start()).isEqualTo(Instant.parse("2026-01-01T18:00:00Z"));
            assertThat(titled(guide, "No stop, next follows").stop()).isEqualTo(local.start());
            assertThat(titled(guide, "Hours only").start()).isEqualTo(Instant.parse("2026-01-01T18:00:00Z"));
        }

        @Test
        void malformed_programmes_are_reported_with_their_line_and_skipped() {
            assertThat(guide.malformed).as(guide.malformed.toString()).hasSize(3);
            assertThat(guide.malformed)
                    .anySatisfy(m -> assertThat(m).startsWith("line 34:").contains("'yesterday' is not an XMLTV time"))
                    .anySatisfy(m -> assertThat(m).contains("Stop before start"))
                    .anySatisfy(m -> assertThat(m).contains("Really last").contains("has no stop"));
            assertThat(guide.programmes).extracting(EpgProgramme::title).doesNotContain("Bad time");
        }
    }

    @Nested
    class Hostile_and_broken_input {
        @Test
        void external_entities_are_never_resolved() {
            assertThatThrownBy(() -> parseResource("xxe.xml"))
                    .isInstanceOf(XmltvParseException.class)
                    .hasMessageContaining("line 3")
                    .hasMessageContaining("secret");
        }

        @Test
        void entity_expansion_bombs_fail_fast() {
            assertThatThrownBy(() -> parseResource("billion-laughs.xml"))
                    .isInstanceOf(XmltvParseException.class)
                    .hasMessageContaining("lol9");
        }

        @Test
        void broken_structure_names_line_and_column() {
            assertThatThrownBy(() -> parseResource("broken.xml"))
                    .isInstanceOf(XmltvParseException.class)
                    .hasMessageStartingWith("line 5, column");
        }
    }

    @Nested
    class Input_forms {
        @Test
        void gzip_is_detected_by_magic_bytes_and_shift_is_applied() throws IOException {
            ByteArrayOutputStream zipped = new ByteArrayOutputStream();
            try (GZIPOutputStream gzip = new GZIPOutputStream(zipped);
                    InputStream in = getClass().getResourceAsStream("/xmltv/odd-cases.xml")) {
                in.transferTo(gzip);
            }

            Collected guide = parse(new ByteArrayInputStream(zipped.toByteArray()), ZoneId.of("UTC"), -60);

            assertThat(titled(guide, "News & Weather").start()).isEqualTo(Instant.parse("2026-01-01T17:00:00Z"));
            assertThat(titled(guide, "Local time").start()).isEqualTo(Instant.parse("2026-01-01T18:00:00Z"));
        }
    }

    static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
            gzip.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return zipped.toByteArray();
    }

    static Collected parse(String xml) {
        return parse(
                new ByteArrayInputStream(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)), ZoneId.of("UTC"), 0);
    }

    @Nested
    class Limits_and_wrong_kinds {
        private static final String CHANNEL = "<channel id=\"a\"><display-name>A</display-name></channel>\n";

        @Test
        void a_decompressed_guide_over_the_limit_is_refused_naming_the_limit() throws IOException {
            byte[] zipped = gzip("<tv>\n" + CHANNEL.repeat(20_000) + "</tv>\n");

            assertThatThrownBy(() -> new XmltvParser(new XmltvLimits(100_000, 1000))
                            .parse(
                                    new ByteArrayInputStream(zipped),
                                    new XmltvOptions(SOURCE, ZoneId.of("UTC"), 0),
                                    new Collected()))
                    .isInstanceOf(XmltvParseException.class)
                    .hasMessageContaining("larger than the limit of 100000 bytes (after decompression)");
        }

        @Test
        void a_gzip_bomb_is_refused_by_its_expansion_ratio_long_before_the_size_limit() throws IOException {
            byte[] zipped = gzip("<tv>" + " ".repeat(40 << 20) + "</tv>");

            assertThatThrownBy(() -> new XmltvParser(new XmltvLimits(1L << 40, 100))
                            .parse(
                                    new ByteArrayInputStream(zipped),
                                    new XmltvOptions(SOURCE, ZoneId.of("UTC"), 0),
                                    new Collected()))
                    .isInstanceOf(XmltvParseException.class)
                    .hasMessageContaining("expands more than 100 times");
        }

        @Test
        void an_html_page_is_named_as_html() {
            assertThatThrownBy(() -> parse("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"></head>"
                            + "<body>502 Bad Gateway</body></html>\n"))
                    .isInstanceOf(XmltvParseException.class)
                    .hasMessage("line 1, column 1: an HTML page, not an XMLTV guide (an error or login page?)");
        }

        @Test
        void an_html_page_that_is_not_well_formed_xml_is_named_as_html() {
            assertThatThrownBy(() -> parse("\n  <html lang=en><body>Login<br></body></html>"))
                    .isInstanceOf(XmltvParseException.class)
                    .hasMessage("line 2, column 3: an HTML page, not an XMLTV guide (an error or login page?)");
        }
    }

    @Nested
    class Text {
        @Test
        void characters_xml_cannot_carry_are_removed_and_line_breaks_kept_only_in_descriptions() {
            Collected guide = parse("<?xml version=\"1.1\"?>\n<tv><channel id=\"n&#x1b;ews\">"
                    + "<display-name>News&#x85;24&#x1b;</display-name><icon src=\"http://i/&#x7;n.png\"/></channel>"
                    + "<programme channel=\"news\" start=\"20260101000000 +0000\" stop=\"20260101010000 +0000\">"
                    + "<title>Head&#x1b;[1mlines&#x2028;Live</title><sub-title>Part&#x9;1</sub-title>"
                    + "<desc>one&#x2028;two&#x1;\tthree</desc><category>N&#x1b;ews</category>"
                    + "<credits><actor>A&#x1b;nn&#x2029;</actor></credits></programme></tv>");

            EpgChannel channel = guide.channels.get(0);
            assertThat(channel.id()).isEqualTo("news");
            assertThat(channel.displayNames().get(0).text()).isEqualTo("News 24");
            assertThat(channel.iconUrl()).isEqualTo("http://i/n.png");
            EpgProgramme programme = guide.programmes.get(0);
            assertThat(programme.channelId()).isEqualTo("news");
            assertThat(programme.title()).isEqualTo("Head[1mlines Live");
            assertThat(programme.subTitle()).isEqualTo("Part 1");
            assertThat(programme.description()).isEqualTo("one\ntwo\tthree");
            assertThat(programme.categories()).containsExactly("News");
            assertThat(programme.extraXml()).isEqualTo("<credits><actor>Ann\n</actor></credits>");
        }

        @Test
        void a_text_in_pieces_of_cdata_references_and_reader_buffers_is_read_whole() {
            String longDescription = "Rivalry by the sea. ".repeat(10_000);
            Collected guide = parse("<tv><programme channel=\"news\" start=\"20260101000000 +0000\""
                    + " stop=\"20260101010000 +0000\"><title>Head<![CDATA[ & ]]>lines &amp; more</title>"
                    + "<desc>" + longDescription + "<![CDATA[<b>end</b>]]>&#13;\nafter</desc></programme></tv>");

            EpgProgramme programme = guide.programmes.get(0);
            assertThat(programme.title()).isEqualTo("Head & lines & more");
            assertThat(programme.description()).isEqualTo(longDescription + "<b>end</b>\nafter");
        }

        @Test
        void an_unknown_elements_text_in_pieces_is_kept_whole() {
            Collected guide = parse("<tv><programme channel=\"news\" start=\"20260101000000 +0000\""
                    + " stop=\"20260101010000 +0000\"><title>News</title>"
                    + "<credits><actor>Ann&#13;<![CDATA[\n]]>Lee</actor></credits></programme></tv>");

            assertThat(guide.programmes.get(0).extraXml()).isEqualTo("<credits><actor>Ann\nLee</actor></credits>");
        }
    }
}
