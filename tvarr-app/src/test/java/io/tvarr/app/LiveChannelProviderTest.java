package io.tvarr.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The counting provider the several-instances contract trusts: it must see overlaps, and only real ones. */
class LiveChannelProviderTest {

    @Test
    void two_players_at_once_are_two_connections() throws IOException {
        try (LiveChannelProvider live = LiveChannelProvider.start();
                Socket first = play(live);
                Socket second = play(live)) {
            assertThat(packets(first)).isEqualTo((byte) 0x47);
            assertThat(packets(second)).isEqualTo((byte) 0x47);

            assertThat(live.mostOpenAtOnce()).isEqualTo(2);
        }
    }

    @Test
    void a_player_that_hung_up_before_the_next_came_is_not_counted_beside_it() throws IOException {
        try (LiveChannelProvider live = LiveChannelProvider.start()) {
            try (Socket first = play(live)) {
                packets(first);
            }
            try (Socket second = play(live)) {
                packets(second);
            }

            assertThat(live.mostOpenAtOnce()).isEqualTo(1);
        }
    }

    private static Socket play(LiveChannelProvider live) throws IOException {
        URI url = URI.create(live.url());
        Socket socket = new Socket(url.getHost(), url.getPort());
        socket.getOutputStream()
                .write(("GET " + url.getPath() + " HTTP/1.1\r\nHost: " + url.getHost() + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
        return socket;
    }

    /** Reads the answer's head and gives the first byte of the stream after it. */
    private static byte packets(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        int matched = 0;
        String end = "\r\n\r\n";
        while (matched < end.length()) {
            int next = in.read();
            assertThat(next).as("the answer's head ended").isNotNegative();
            matched = next == end.charAt(matched) ? matched + 1 : next == '\r' ? 1 : 0;
        }
        return (byte) in.read();
    }
}
