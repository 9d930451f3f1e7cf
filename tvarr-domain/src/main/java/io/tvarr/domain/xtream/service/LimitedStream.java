package io.tvarr.domain.xtream.service;

import io.tvarr.domain.UnavailableException;
import io.tvarr.domain.account.OutputUser;
import io.tvarr.domain.relay.lease.RevocableOutput;
import io.tvarr.domain.relay.port.in.Playback;
import java.io.IOException;
import java.io.OutputStream;
import java.util.UUID;

/**
 * A stream that holds one of its user's connections while it transfers. Taken at transfer, not at play, so a HEAD
 * request costs no connection; refused like a provider limit when another transfer took the last one meanwhile.
 * Ended when another instance took the connection's lease over.
 */
final class LimitedStream implements Playback.Stream {
    private final Playback.Stream stream;
    private final OutputUser user;
    private final UserConnections connections;

    LimitedStream(Playback.Stream stream, OutputUser user, UserConnections connections) {
        this.stream = stream;
        this.user = user;
        this.connections = connections;
    }

    @Override
    public String contentType() {
        return stream.contentType();
    }

    @Override
    public void transferTo(OutputStream out, Runnable beforeFirstBytes) throws IOException {
        // every live transfer is a connection of its own
        String key = "stream/" + UUID.randomUUID();
        RevocableOutput client = new RevocableOutput(out);
        Runnable end = () -> client.revoke(lostMessage(user));
        if (!connections.tryAcquire(user, key, end)) {
            throw new UnavailableException(limitMessage(user), 0);
        }
        try {
            stream.transferTo(client, beforeFirstBytes);
        } finally {
            connections.release(user.id(), key, end);
        }
    }

    static String limitMessage(OutputUser user) {
        return "user '" + user.username() + "': all " + user.maxConnections() + " connection(s) in use";
    }

    static String lostMessage(OutputUser user) {
        return "user '" + user.username() + "': stream ended, its connection is held by another tvarr instance now";
    }
}
