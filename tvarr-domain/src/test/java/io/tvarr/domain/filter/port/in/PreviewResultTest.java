package io.tvarr.domain.filter.port.in;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PreviewResultTest {
    @Test
    void a_sample_shows_stream_and_logo_urls_with_their_credentials_masked() {
        PreviewResult.Sample sample = new PreviewResult.Sample(
                Map.of("channel_name", "A", "stream_url", "http://h.example/live/bob/s3cret/1.ts"),
                Map.of("channel_name", "A", "logo_url", "http://h.example/a.png?token=s3cret"));

        assertThat(sample.before())
                .containsEntry("channel_name", "A")
                .containsEntry("stream_url", "http://h.example/live/***/***/1.ts");
        assertThat(sample.after()).containsEntry("logo_url", "http://h.example/a.png?token=***");
    }
}
