package io.tvarr.domain.logo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ImageFormatTest {
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D};

    private static byte[] text(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void recognises_each_accepted_format_by_its_first_bytes() {
        assertThat(ImageFormat.sniff(PNG)).contains(ImageFormat.PNG);
        assertThat(ImageFormat.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}))
                .contains(ImageFormat.JPEG);
        assertThat(ImageFormat.sniff(text("GIF89a...."))).contains(ImageFormat.GIF);
        assertThat(ImageFormat.sniff(text("RIFF\0\0\0\0WEBPVP8 "))).contains(ImageFormat.WEBP);
        assertThat(ImageFormat.sniff(text("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>")))
                .contains(ImageFormat.SVG);
    }

    @Test
    void refuses_what_only_claims_to_be_an_image() {
        assertThat(ImageFormat.sniff(text("<html><body>404 not found</body></html>")))
                .isEmpty();
        assertThat(ImageFormat.sniff(text("RIFF\0\0\0\0WAVEfmt "))).isEmpty();
        assertThat(ImageFormat.sniff(new byte[0])).isEmpty();
        assertThat(ImageFormat.sniff(new byte[] {(byte) 0x89, 'P', 'N'})).isEmpty();
    }

    @Test
    void unsafe_svgs_are_refused_with_the_reason() {
        assertThat(SvgSafety.problem(text("<svg><rect width=\"1\"/></svg>"))).isEmpty();
        assertThat(SvgSafety.problem(text("<svg><script>alert(1)</script></svg>")))
                .contains("SVG contains a script");
        assertThat(SvgSafety.problem(text("<svg onload=\"x()\"></svg>")))
                .contains("SVG contains an event handler attribute");
        assertThat(SvgSafety.problem(text("<svg><image href=\"http://evil.example/x.png\"/></svg>")))
                .contains("SVG references an external resource");
        assertThat(SvgSafety.problem(text("<!DOCTYPE svg [<!ENTITY x \"y\">]><svg/>")))
                .contains("SVG declares a DOCTYPE or entities");
        assertThat(SvgSafety.problem(text("<svg><use href=\"#shape\"/></svg>"))).isEmpty();
    }
}
