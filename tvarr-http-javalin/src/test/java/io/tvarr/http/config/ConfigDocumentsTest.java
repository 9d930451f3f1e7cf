package io.tvarr.http.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tvarr.domain.ValidationException;
import io.tvarr.domain.config.ConfigDocument;
import io.tvarr.domain.config.ProxyConfig;
import io.tvarr.domain.failover.MergeBy;
import io.tvarr.domain.output.AccessMode;
import io.tvarr.domain.proxy.DeliveryMode;
import io.tvarr.domain.source.SourceKind;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ConfigDocumentsTest {
    private final ConfigDocuments documents = new ConfigDocuments();

    private static final String SMALL = """
            sources:
              - name: Provider
                kind: xtream
                url: http://xtream.test
                username: alice
                password: ${TVARR_SOURCE_PROVIDER_PASSWORD}
            proxies:
              - name: Living room
                sources: [Provider]
                filters: [Sport, {filter: Adult, active: false}]
                delivery_mode: relay
                failover: {merge_by: tvg_id}
                access: {mode: token}
            """;

    @Nested
    class Reading {
        @Test
        void fills_in_the_defaults_a_short_document_leaves_out() {
            ConfigDocument document = documents.read(SMALL);

            assertThat(document.sources().get(0).kind()).isEqualTo(SourceKind.XTREAM);
            assertThat(document.sources().get(0).password()).isEqualTo("${TVARR_SOURCE_PROVIDER_PASSWORD}");
            ProxyConfig proxy = document.proxies().get(0);
            assertThat(proxy.slug()).isEqualTo("living-room");
            assertThat(proxy.filters())
                    .extracting(f -> f.filter() + "=" + f.active())
                    .containsExactly("Sport=true", "Adult=false");
            assertThat(proxy.deliveryMode()).isEqualTo(DeliveryMode.TRANSCODE);
            assertThat(proxy.mergeBy()).isEqualTo(MergeBy.TVG_ID);
            assertThat(proxy.access().mode()).isEqualTo(AccessMode.TOKEN);
            assertThat(proxy.guideMatchThreshold()).isEqualTo(90);
        }

        @Test
        void reads_back_what_it_writes_as_yaml_and_as_json() {
            ConfigDocument document = documents.read(SMALL);

            assertThat(documents.read(documents.yaml(document))).isEqualTo(document);
            assertThat(documents.read(documents.json(document))).isEqualTo(document);
        }
    }

    @Nested
    class Refusing {
        @Test
        void an_unknown_key_names_its_place_and_the_known_ones() {
            assertThatThrownBy(() -> documents.read("sources:\n  - name: A\n    url: http://a.test\n    pasword: x\n"))
                    .isInstanceOf(ValidationException.class)
                    .hasMessageStartingWith("sources[0].pasword: unknown key (expected one of: name, kind, url,");
        }

        @Test
        void an_unknown_word_names_the_words_expected() {
            assertThatThrownBy(() -> documents.read("proxies:\n  - name: A\n    delivery_mode: teleport\n"))
                    .hasMessage("proxies[0].delivery_mode: 'teleport' (expected: redirect, proxy, transcode)");
        }

        @Test
        void a_value_of_the_wrong_shape_is_named() {
            assertThatThrownBy(() -> documents.read("proxies:\n  - name: A\n    sources: Provider\n"))
                    .hasMessage("proxies[0].sources: expected a list");
            assertThatThrownBy(() -> documents.read("proxies:\n  - name: A\n    output: {epg_days_back: 900}\n"))
                    .hasMessageStartingWith("proxies[0].output.epg_days_back: ");
        }

        @Test
        void a_missing_name_is_named() {
            assertThatThrownBy(() -> documents.read("filters:\n  - action: include\n    expression: x\n"))
                    .hasMessage("filters[0].name: required");
        }

        @Test
        void text_that_is_not_yaml_names_its_line() {
            assertThatThrownBy(() -> documents.read("sources: [\n  - : :\n"))
                    .isInstanceOf(ValidationException.class)
                    .hasMessageStartingWith("document: line ");
        }

        @Test
        void another_version_is_refused() {
            assertThatThrownBy(() -> documents.read("version: 2\n")).hasMessage("version: 2 (expected: 1)");
        }
    }
}
