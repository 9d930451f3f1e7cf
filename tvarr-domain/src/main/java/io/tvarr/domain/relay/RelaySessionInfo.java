package io.tvarr.domain.relay;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A running upstream session as the API shows it.
 *
 * @param state connecting, streaming, ended or failed
 * @param bitrateKbps average upstream bitrate since the start
 */
public record RelaySessionInfo(
        String id,
        String channelId,
        String channelName,
        String sourceId,
        String upstreamHost,
        String state,
        @Nullable String error,
        Instant startedAt,
        long bytesReceived,
        long bitrateKbps,
        List<Client> clients) {
    public RelaySessionInfo {
        clients = List.copyOf(clients);
    }

    /** One watching client. */
    public record Client(String address, String userAgent, Instant connectedAt, long bytesSent) {}
}
