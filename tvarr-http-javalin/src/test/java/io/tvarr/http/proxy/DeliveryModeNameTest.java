package io.tvarr.http.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.tvarr.domain.proxy.DeliveryMode;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DeliveryModeNameTest {
    @Test
    void lists_every_delivery_mode_and_only_deprecated_names_besides() {
        for (DeliveryModeName name : DeliveryModeName.values()) {
            boolean isMode = Arrays.stream(DeliveryMode.values())
                    .anyMatch(mode -> mode.name().equals(name.name()));
            assertThat(isMode || DeliveryMode.ofDeprecatedName(name.name()).isPresent())
                    .as(name.name())
                    .isTrue();
        }
        for (DeliveryMode mode : DeliveryMode.values()) {
            assertThat(DeliveryModeName.valueOf(mode.name())).isNotNull();
        }
        assertThat(DeliveryModeName.valueOf("RELAY")).isNotNull();
    }
}
