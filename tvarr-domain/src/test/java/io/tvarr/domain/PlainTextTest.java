package io.tvarr.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PlainTextTest {
    @Nested
    class Single_line {
        @Test
        void returns_clean_text_as_the_same_instance() {
            String clean = "BBC One HD – Ünïcødé 📺";
            assertThat(PlainText.singleLine(clean)).isSameAs(clean);
        }

        @Test
        void removes_c0_and_c1_controls_and_del() {
            assertThat(PlainText.singleLine("News\u001b[31m\u0000\u0007\u007f\u0080\u009f 24"))
                    .isEqualTo("News[31m 24");
        }

        @Test
        void turns_line_breaks_and_tabs_into_spaces() {
            assertThat(PlainText.singleLine("a\rb\nc\td\u2028e\u2029f\u0085g")).isEqualTo("a b c d e f g");
        }

        @Test
        void removes_noncharacters_and_unpaired_surrogates() {
            assertThat(PlainText.singleLine("x\uFFFEy\uFFFFz\uD800w\uDC00v")).isEqualTo("xyzwv");
        }

        @Test
        void keeps_paired_surrogates() {
            String emoji = "\uD83D\uDCFA tv";
            assertThat(PlainText.singleLine(emoji)).isSameAs(emoji);
            assertThat(PlainText.singleLine("\u001b\uD83D\uDCFA")).isEqualTo("\uD83D\uDCFA");
        }

        @Test
        void a_high_surrogate_at_the_end_is_removed() {
            assertThat(PlainText.singleLine("end\uD83D")).isEqualTo("end");
        }
    }

    @Nested
    class Multi_line {
        @Test
        void keeps_newlines_and_tabs_and_returns_clean_text_as_the_same_instance() {
            String clean = "Line one\n\tLine two";
            assertThat(PlainText.multiLine(clean)).isSameAs(clean);
        }

        @Test
        void normalises_other_line_breaks_to_newlines() {
            assertThat(PlainText.multiLine("a\r\nb\rc\u2028d\u2029e\u0085f")).isEqualTo("a\nb\nc\nd\ne\nf");
        }

        @Test
        void removes_what_xml_cannot_carry() {
            assertThat(PlainText.multiLine("plot\u001b\u0000 \uFFFF\uDC00twist"))
                    .isEqualTo("plot twist");
        }
    }
}
