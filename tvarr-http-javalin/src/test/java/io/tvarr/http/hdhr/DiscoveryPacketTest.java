package io.tvarr.http.hdhr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DiscoveryPacketTest {
    @Test
    void a_packet_reads_back_with_short_and_long_fields() {
        String longUrl = "http://tv.example:8080/hdhr/" + "x".repeat(300);
        DiscoveryPacket packet = new DiscoveryPacket(
                DiscoveryPacket.DISCOVER_REPLY,
                List.of(
                        DiscoveryPacket.Field.ofInt(DiscoveryPacket.TAG_DEVICE_ID, 0x1000_000F),
                        DiscoveryPacket.Field.ofText(DiscoveryPacket.TAG_BASE_URL, longUrl)));
        byte[] bytes = packet.encode();

        DiscoveryPacket read = DiscoveryPacket.decode(bytes, bytes.length).orElseThrow();

        assertThat(read.type()).isEqualTo(DiscoveryPacket.DISCOVER_REPLY);
        assertThat(read.field(DiscoveryPacket.TAG_DEVICE_ID).orElseThrow().ints())
                .containsExactly(0x1000_000F);
        assertThat(read.field(DiscoveryPacket.TAG_BASE_URL).orElseThrow().value())
                .hasSize(longUrl.length() + 1);
    }

    @Test
    void a_packet_with_a_wrong_crc_or_length_is_not_read() {
        byte[] bytes = new DiscoveryPacket(
                        DiscoveryPacket.DISCOVER_REQUEST,
                        List.of(DiscoveryPacket.Field.ofInt(DiscoveryPacket.TAG_DEVICE_TYPE, 1)))
                .encode();
        byte[] corrupt = bytes.clone();
        corrupt[5] ^= 1;

        assertThat(DiscoveryPacket.decode(corrupt, corrupt.length)).isEmpty();
        assertThat(DiscoveryPacket.decode(bytes, bytes.length - 1)).isEmpty();
        assertThat(DiscoveryPacket.decode(bytes, 3)).isEmpty();
    }
}
