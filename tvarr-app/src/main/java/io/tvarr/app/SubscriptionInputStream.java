package io.tvarr.app;

import io.tvarr.domain.relay.StreamSubscription;
import java.io.InputStream;

/** A relay subscription read as a stream; closing it leaves the session. One reader. */
final class SubscriptionInputStream extends InputStream {
    private final StreamSubscription subscription;
    private final byte[] single = new byte[1];

    SubscriptionInputStream(StreamSubscription subscription) {
        this.subscription = subscription;
    }

    @Override
    public int read() {
        int n = read(single, 0, 1);
        return n < 0 ? -1 : single[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        if (offset == 0 && length == buffer.length) {
            return subscription.read(buffer);
        }
        byte[] chunk = new byte[length];
        int n = subscription.read(chunk);
        if (n > 0) {
            System.arraycopy(chunk, 0, buffer, offset, n);
        }
        return n;
    }

    @Override
    public void close() {
        subscription.close();
    }
}
