package io.tvarr.pipeline.stage.logo;

import static io.tvarr.domain.TestData.aChannel;
import static io.tvarr.domain.TestData.anM3uSource;
import static org.assertj.core.api.Assertions.assertThat;

import io.tvarr.pipeline.stage.ProxyChannel;
import io.tvarr.pipeline.stage.StageOutcome;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogoStageTest {
    private final Map<String, String> cached = Map.of("http://img.example/a.png", "ab12.png");

    private ProxyChannel channel(String logo) {
        return ProxyChannel.of(aChannel().withLogo(logo).build(), anM3uSource("news"), 0);
    }

    private static String logo(StageOutcome<ProxyChannel> outcome) {
        return ((StageOutcome.Kept<ProxyChannel>) outcome).value().logo();
    }

    @Test
    void points_a_cached_logo_at_tvarr() {
        LogoStage stage = new LogoStage(cached, "http://tv.local:8080", null);

        assertThat(logo(stage.apply(channel("http://img.example/a.png"))))
                .isEqualTo("http://tv.local:8080/logos/ab12.png");
    }

    @Test
    void a_token_proxys_logos_carry_its_token() {
        LogoStage stage = new LogoStage(cached, "http://tv.local:8080", "Ab-_0123456789abcdefghijklmnopqrstuvwxyzABC");

        assertThat(logo(stage.apply(channel("http://img.example/a.png"))))
                .isEqualTo("http://tv.local:8080/logos/ab12.png?token=Ab-_0123456789abcdefghijklmnopqrstuvwxyzABC");
        assertThat(logo(stage.apply(channel("http://img.example/b.png")))).isEqualTo("http://img.example/b.png");
    }
}
