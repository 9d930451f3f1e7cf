package io.tvarr.domain.xtream.service;

import io.tvarr.domain.UnavailableException;
import io.tvarr.domain.account.OutputUser;
import io.tvarr.domain.relay.FileRequest;
import io.tvarr.domain.relay.RelayedFile;
import io.tvarr.domain.relay.port.in.Playback;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A file that holds one of its user's connections while an answer is open. Every request on the file under the same
 * key (one player, one file) shares that connection, so a player seeking, or reading two ranges at once as many do,
 * counts once; the connection is freed when the last of its answers closes. The answers are closed when another
 * instance took the connection's lease over.
 */
final class LimitedFile implements Playback.File {
    private final Playback.File file;
    private final OutputUser user;
    private final String key;
    private final UserConnections connections;
    private final Set<Held> open = ConcurrentHashMap.newKeySet();

    LimitedFile(Playback.File file, OutputUser user, String key, UserConnections connections) {
        this.file = file;
        this.user = user;
        this.key = key;
        this.connections = connections;
    }

    @Override
    public String contentType() {
        return file.contentType();
    }

    @Override
    public RelayedFile open(FileRequest request) {
        Runnable end = this::closeAll;
        if (!connections.tryAcquire(user, key, end)) {
            throw new UnavailableException(LimitedStream.limitMessage(user), 0);
        }
        RelayedFile answer;
        try {
            answer = file.open(request);
        } catch (RuntimeException e) {
            connections.release(user.id(), key, end);
            throw e;
        }
        Held held = new Held(answer, end);
        open.add(held);
        return held;
    }

    /** The connection's lease is another instance's now: every open answer is cut, its reader sees the end. */
    private void closeAll() {
        for (Held held : open) {
            held.close();
        }
    }

    /** The answer, releasing the user's connection once when it closes. */
    private final class Held implements RelayedFile {
        private final RelayedFile answer;
        private final Runnable end;
        private boolean closed;

        Held(RelayedFile answer, Runnable end) {
            this.answer = answer;
            this.end = end;
        }

        @Override
        public int status() {
            return answer.status();
        }

        @Override
        public Map<String, String> headers() {
            return answer.headers();
        }

        @Override
        public InputStream body() {
            return answer.body();
        }

        @Override
        public void close() {
            synchronized (this) {
                if (closed) {
                    return;
                }
                closed = true;
            }
            open.remove(this);
            try {
                answer.close();
            } finally {
                connections.release(user.id(), key, end);
            }
        }
    }
}
