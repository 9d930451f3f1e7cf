package io.tvarr.persistence.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tvarr.domain.StorageException;
import io.tvarr.persistence.sql.JsonColumns;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AttributesJsonTest {
    private final AttributesJson json = new AttributesJson(new JsonColumns());
    private final AttributesJson.Encoder encoder = json.encoder();

    @AfterEach
    void close() {
        encoder.close();
    }

    @Test
    void writes_what_jackson_writes() throws Exception {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("tvg-language", "Español 東京 📺");
        attributes.put("http-referrer", "http://a.example/\"quoted\"\\path\n\t\r\b\f\u0001/");

        assertThat(encoder.write(attributes)).isEqualTo(new ObjectMapper().writeValueAsString(attributes));
        assertThat(encoder.write(Map.of())).isEqualTo("{}");
    }

    @Test
    void writes_one_row_after_another_each_on_its_own() throws Exception {
        Map<String, String> first = Map.of("catchup", "default");
        Map<String, String> second = Map.of("catchup-days", "7");

        String one = encoder.write(first);
        String none = encoder.write(Map.of());
        String two = encoder.write(second);

        assertThat(one).isEqualTo(new ObjectMapper().writeValueAsString(first));
        assertThat(none).isEqualTo("{}");
        assertThat(two).isEqualTo(new ObjectMapper().writeValueAsString(second));
    }

    @Test
    void reads_back_what_it_wrote_with_and_without_escapes() {
        Map<String, String> plain = Map.of("tvg-language", "Español 東京 📺", "catchup", "default");
        Map<String, String> escaped = Map.of("a", "say \"hi\"\\\n", "b", "\u0001");

        assertThat(json.read(utf8(encoder.write(plain)))).isEqualTo(plain);
        assertThat(json.read(utf8(encoder.write(escaped)))).isEqualTo(escaped);
        assertThat(json.read(utf8("{}"))).isEmpty();
        assertThat(json.read(null)).isEmpty();
    }

    @Test
    void reads_any_valid_object_of_strings_jackson_reads() {
        assertThat(json.read(utf8(" { \"a\" : \"1\" ,\n\"b\":\"2\" } "))).isEqualTo(Map.of("a", "1", "b", "2"));
        assertThat(json.read(utf8("{\"a\":\"\\u00e9\"}"))).isEqualTo(Map.of("a", "é"));
        assertThat(json.read(utf8("{\"a\":\"1\",\"a\":\"2\"}"))).isEqualTo(Map.of("a", "2"));
        assertThat(json.read(utf8("{\"a\":1}"))).isEqualTo(Map.of("a", "1"));
    }

    @Test
    void a_broken_value_is_refused_with_what_was_stored() {
        assertThatThrownBy(() -> json.read(utf8("{\"a\":\"1\"")))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("{\"a\":\"1\"");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
