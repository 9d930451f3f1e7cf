package io.tvarr.ingest.xmltv;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tvarr.domain.TestData;
import io.tvarr.domain.UpstreamException;
import io.tvarr.domain.epg.EpgChannel;
import io.tvarr.domain.epg.EpgProgramme;
import io.tvarr.domain.epg.EpgSink;
import io.tvarr.domain.epg.EpgSourceKind;
import io.tvarr.domain.ingestion.IngestionProgress;
import io.tvarr.domain.source.port.out.SourceFetcher;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class XmltvEpgSourceHandlerTest {
    private final EpgSink ignored = new EpgSink() {
        @Override
        public void channel(EpgChannel channel) {}

        @Override
        public void programme(EpgProgramme programme) {}
    };

    @Test
    void a_guide_of_which_nothing_is_recognised_fails_naming_the_count_and_the_first_reason() {
        String xml = "<tv>" + "<programme start=\"x\"><title>T</title></programme>".repeat(30) + "</tv>";
        SourceFetcher fetcher =
                (url, userAgent, maxBytes) -> new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
        XmltvEpgSourceHandler handler = new XmltvEpgSourceHandler(fetcher, EpgSourceKind.XMLTV);

        assertThatThrownBy(() -> handler.ingest(TestData.anXmltvSource("guide"), ignored, new IngestionProgress()))
                .isInstanceOf(UpstreamException.class)
                .hasMessageContaining("not an XMLTV guide, nothing recognised (30 entries skipped")
                .hasMessageContaining("programme without channel");
    }
}
