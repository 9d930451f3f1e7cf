package io.tvarr.domain.channel;

import static io.tvarr.domain.TestData.aChannel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tvarr.domain.ValidationException;
import io.tvarr.domain.source.SourceId;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ChannelTest {

    @Nested
    class Identity {
        @Test
        void same_source_and_key_give_the_same_id_across_refreshes() {
            SourceId source = SourceId.random();
            Channel first =
                    aChannel().from(source).withKey("1234").named("BBC One").build();
            Channel refreshed =
                    aChannel().from(source).withKey("1234").named("BBC One HD").build();

            assertThat(refreshed.id()).isEqualTo(first.id());
        }

        @Test
        void the_same_key_in_another_source_is_another_channel() {
            Channel a = aChannel().from(SourceId.random()).withKey("1234").build();
            Channel b = aChannel().from(SourceId.random()).withKey("1234").build();

            assertThat(a.id()).isNotEqualTo(b.id());
        }
    }

    @Nested
    class Validation {
        @Test
        void a_blank_name_is_refused_with_the_field_named() {
            assertThatThrownBy(() -> aChannel().named("  ").build())
                    .isInstanceOf(ValidationException.class)
                    .hasMessage("name: must not be blank");
        }

        @Test
        void blank_optional_values_become_absent() {
            Channel channel = aChannel().withTvgId(" ").inGroup("").build();

            assertThat(channel.tvgId()).isNull();
            assertThat(channel.group()).isNull();
        }

        @Test
        void attributes_are_copied() {
            var attributes = new java.util.HashMap<String, String>(Map.of("catchup", "default"));
            Channel channel =
                    Channel.of(SourceId.random(), "k", null, null, null, "A", null, null, "http://x/1", attributes);
            attributes.put("catchup", "changed");

            assertThat(channel.attribute("catchup")).isEqualTo("default");
        }
    }
}
