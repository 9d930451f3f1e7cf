package io.tvarr.domain.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tvarr.domain.ValidationException;
import java.net.InetAddress;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CidrRangeTest {
    private static InetAddress address(String text) {
        return CidrRange.parseAddress(text, "test");
    }

    @Nested
    class Ipv4 {
        @Test
        void contains_the_addresses_of_its_block_only() {
            CidrRange range = CidrRange.parse("172.16.0.0/12");

            assertThat(range.contains(address("172.16.0.1"))).isTrue();
            assertThat(range.contains(address("172.31.255.255"))).isTrue();
            assertThat(range.contains(address("172.32.0.0"))).isFalse();
            assertThat(range.contains(address("172.15.255.255"))).isFalse();
        }

        @Test
        void a_bare_address_is_a_block_of_one() {
            CidrRange range = CidrRange.parse("203.0.113.9");

            assertThat(range).hasToString("203.0.113.9/32");
            assertThat(range.contains(address("203.0.113.9"))).isTrue();
            assertThat(range.contains(address("203.0.113.10"))).isFalse();
        }

        @Test
        void host_bits_are_cleared_and_zero_prefix_holds_everything() {
            assertThat(CidrRange.parse("10.1.2.3/8")).hasToString("10.0.0.0/8");
            assertThat(CidrRange.parse("0.0.0.0/0").contains(address("198.51.100.1")))
                    .isTrue();
        }
    }

    @Nested
    class Ipv6 {
        @Test
        void contains_the_addresses_of_its_block_only() {
            CidrRange range = CidrRange.parse("fd00::/8");

            assertThat(range.contains(address("fd12:3456::1"))).isTrue();
            assertThat(range.contains(address("fe80::1"))).isFalse();
            assertThat(range).hasToString("fd00:0:0:0:0:0:0:0/8");
        }

        @Test
        void an_ipv4_address_is_never_in_an_ipv6_block() {
            assertThat(CidrRange.parse("::/0").contains(address("10.0.0.1"))).isFalse();
            assertThat(CidrRange.parse("0.0.0.0/0").contains(address("::1"))).isFalse();
        }
    }

    @Nested
    class Mapped_ipv4 {
        @Test
        void an_ipv4_mapped_client_is_its_ipv4_address() {
            assertThat(CidrRange.parse("192.168.0.0/16").contains(address("::ffff:192.168.1.2")))
                    .isTrue();
            assertThat(CidrRange.parse("192.168.0.0/16").contains(address("::ffff:10.0.0.1")))
                    .isFalse();
        }

        @Test
        void an_ipv4_mapped_range_is_the_ipv4_range() {
            CidrRange range = CidrRange.parse("::ffff:10.0.0.0/104");

            assertThat(range).hasToString("10.0.0.0/8");
            assertThat(range.contains(address("10.9.8.7"))).isTrue();
        }
    }

    @Nested
    class Bad_input {
        @ParameterizedTest
        @ValueSource(strings = {"localhost", "example.com", "10.0.0", "256.1.1.1", "", "fd00::zz", "::1%eth0"})
        void names_the_text_and_what_was_expected(String text) {
            assertThatThrownBy(() -> CidrRange.parse(text, "allowed_ranges[2]"))
                    .isInstanceOf(ValidationException.class)
                    .hasMessageStartingWith("allowed_ranges[2]: '" + text + "' (expected: an IPv4 or IPv6 address");
        }

        @ParameterizedTest
        @ValueSource(strings = {"10.0.0.0/33", "10.0.0.0/", "10.0.0.0/-1", "fd00::/129", "10.0.0.0/a", "10.0.0.0/8/8"})
        void a_bad_prefix_names_the_range_of_lengths(String text) {
            assertThatThrownBy(() -> CidrRange.parse(text, "allowed_ranges[0]"))
                    .isInstanceOf(ValidationException.class)
                    .hasMessageStartingWith("allowed_ranges[0]: '" + text + "' (expected: a prefix length 0-");
        }

        @Test
        void a_host_name_is_refused_without_a_look_up() {
            // a look-up of a name under .invalid could only fail slowly or be answered by a hijacking resolver
            long started = System.nanoTime();
            assertThatThrownBy(() -> CidrRange.parseAddress("tvarr.invalid", "client"))
                    .isInstanceOf(ValidationException.class)
                    .hasMessageStartingWith("client (expected");
            assertThat(System.nanoTime() - started).isLessThan(50_000_000L);
        }
    }
}
