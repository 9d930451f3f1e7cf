package io.tvarr.domain.logo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SvgSafetyTest {
    private static boolean refused(String svg) {
        return SvgSafety.problem(svg.getBytes(StandardCharsets.UTF_8)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<svg xmlns='http://www.w3.org/2000/svg'><x:script xmlns:x='http://www.w3.org/1999/xhtml'>"
                        + "alert(1)</x:script></svg>",
                "<svg><h:iframe xmlns:h='http://www.w3.org/1999/xhtml' src='#'/></svg>",
                "<svg><rect style=\"fill:url(http://tracker.example/p.png)\"/></svg>",
                "<svg><style>rect { background: url( 'https://tracker.example/p.png' ) }</style></svg>",
                "<svg><style>@import 'http://evil.example/x.css';</style></svg>",
                "<svg x:onload='alert(1)' xmlns:x='http://www.w3.org/2000/svg'/>",
                "<svg><script>alert(1)</script></svg>",
                "<svg><image href='http://tracker.example/p.png'/></svg>"
            })
    void refuses_active_or_external_content_however_it_is_spelled(String svg) {
        assertThat(refused(svg)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<svg xmlns='http://www.w3.org/2000/svg'><rect fill='url(#gradient)'/></svg>",
                "<svg><use href='#shape'/><desc>Scripted reality TV</desc></svg>"
            })
    void accepts_plain_drawings_with_internal_references(String svg) {
        assertThat(refused(svg)).isFalse();
    }
}
