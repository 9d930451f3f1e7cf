package io.tvarr.domain.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeliveryModeTest {
    @Test
    void relay_is_the_deprecated_name_of_transcode_in_any_case() {
        assertThat(DeliveryMode.ofDeprecatedName("relay")).contains(DeliveryMode.TRANSCODE);
        assertThat(DeliveryMode.ofDeprecatedName(" RELAY ")).contains(DeliveryMode.TRANSCODE);
    }

    @Test
    void current_names_are_not_deprecated() {
        for (DeliveryMode mode : DeliveryMode.values()) {
            assertThat(DeliveryMode.ofDeprecatedName(mode.name())).isEmpty();
        }
    }
}
