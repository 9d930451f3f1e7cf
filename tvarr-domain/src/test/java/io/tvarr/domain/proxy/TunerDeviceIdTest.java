package io.tvarr.domain.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tvarr.domain.ValidationException;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TunerDeviceIdTest {
    private static ProxyId proxy(long n) {
        return ProxyId.parse(new UUID(0x7a11_0000_0000_0000L, n).toString());
    }

    @Nested
    class Checksum {
        @Test
        void accepts_an_id_worked_out_by_hand() {
            // nibbles 1,0,0,0,0,0,0: 1 substituted is 5, each substituted 0 is A, the plain ones 0: 5^A^A^A = F
            assertThat(TunerDeviceId.isValid(0x1000_000F)).isTrue();
            assertThat(new TunerDeviceId(0x1000_000F).hex()).isEqualTo("1000000F");
        }

        @Test
        void refuses_an_id_with_any_one_digit_changed() {
            TunerDeviceId id = TunerDeviceId.of(proxy(1));
            for (int shift = 0; shift < 32; shift += 4) {
                int changed = id.value() ^ (0x3 << shift);
                assertThat(TunerDeviceId.isValid(changed))
                        .as(Integer.toHexString(changed))
                        .isFalse();
            }
        }

        @Test
        void a_wrong_checksum_is_refused_naming_the_id() {
            assertThatThrownBy(() -> new TunerDeviceId(0x1000_0000))
                    .isInstanceOf(ValidationException.class)
                    .hasMessageContaining("10000000");
        }
    }

    @Nested
    class Derivation {
        @Test
        void is_the_same_for_the_same_proxy_and_valid() {
            assertThat(TunerDeviceId.of(proxy(7))).isEqualTo(TunerDeviceId.of(proxy(7)));
            assertThat(TunerDeviceId.authOf(proxy(7))).isEqualTo(TunerDeviceId.authOf(proxy(7)));
            assertThat(TunerDeviceId.of(proxy(7)).hex()).matches("1[0-9A-F]{7}");
        }

        @Test
        void differs_between_proxies() {
            Set<TunerDeviceId> ids = new HashSet<>();
            Set<String> auths = new HashSet<>();
            for (long n = 0; n < 500; n++) {
                ids.add(TunerDeviceId.of(proxy(n)));
                auths.add(TunerDeviceId.authOf(proxy(n)));
            }
            assertThat(ids).hasSize(500);
            assertThat(auths).hasSize(500);
        }
    }
}
