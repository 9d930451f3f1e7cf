package io.tvarr.domain.proxy;

import static io.tvarr.domain.TestData.T0;
import static io.tvarr.domain.TestData.aChannel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tvarr.domain.ValidationException;
import io.tvarr.domain.channel.Channel;
import org.junit.jupiter.api.Test;

class ChannelOverrideTest {
    private final Channel channel =
            aChannel().named("BBC One").inGroup("UK").withTvgId("bbc1").build();

    private ChannelOverride override(String name, Integer number, String logo) {
        return new ChannelOverride(ProxyId.random(), channel.id(), name, number, null, logo, null, false, T0);
    }

    @Test
    void set_fields_replace_the_channels_values_and_the_others_stay() {
        Channel shown = override("BBC 1", 101, null).applyTo(channel);

        assertThat(shown.name()).isEqualTo("BBC 1");
        assertThat(shown.tvgChno()).isEqualTo("101");
        assertThat(shown.group()).isEqualTo("UK");
        assertThat(shown.tvgId()).isEqualTo("bbc1");
        assertThat(shown.id()).isEqualTo(channel.id());
    }

    @Test
    void an_override_that_changes_nothing_is_refused() {
        assertThatThrownBy(() -> override(" ", null, null))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("changes nothing");
    }

    @Test
    void a_number_out_of_range_names_the_field() {
        assertThatThrownBy(() -> override(null, 0, null))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("number: 0");
    }

    @Test
    void a_logo_that_is_no_web_address_names_the_field() {
        assertThatThrownBy(() -> override(null, null, "file:///etc/passwd"))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("logoUrl:");
    }

    @Test
    void a_line_break_in_a_name_names_the_field() {
        assertThatThrownBy(() -> override("One\n#EXTINF", null, null))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("name:");
    }
}
