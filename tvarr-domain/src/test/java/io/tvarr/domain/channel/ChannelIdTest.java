package io.tvarr.domain.channel;

import static org.assertj.core.api.Assertions.assertThat;

import io.tvarr.domain.source.SourceId;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ChannelIdTest {
    private final SourceId source = SourceId.parse("0b7a6c1e-4d2f-4a8e-9c3b-5f1d2e3a4b5c");

    /** The ids players and overrides already hold: a name-based (version 3, MD5) UUID of source and key. */
    private UUID expected(String key) {
        return UUID.nameUUIDFromBytes((source + "\u0000" + key).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void is_the_name_based_uuid_of_source_and_key_it_always_was() {
        for (String key : List.of("m3u:1a2b3c", "", "tvg|BBC One", "m3u:ünïcødé|🎬", "x".repeat(10_000))) {
            ChannelId id = ChannelId.of(source, key);

            assertThat(id.value()).isEqualTo(expected(key));
            assertThat(id.value().version()).isEqualTo(3);
            assertThat(id.value().variant()).isEqualTo(2);
        }
    }

    @Test
    void is_the_same_when_many_threads_derive_ids_at_once() {
        List<String> keys = IntStream.range(0, 20_000).mapToObj(i -> "m3u:" + i).toList();

        List<UUID> ids = keys.parallelStream()
                .map(key -> ChannelId.of(source, key).value())
                .toList();

        assertThat(ids).isEqualTo(keys.stream().map(this::expected).toList());
    }
}
