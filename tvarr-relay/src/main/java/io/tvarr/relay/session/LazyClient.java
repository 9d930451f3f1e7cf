package io.tvarr.relay.session;

import java.net.http.HttpClient;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** An {@link HttpClient} made by the first {@link #get()}, then the same one for every caller. Thread-safe. */
final class LazyClient implements Supplier<HttpClient> {
    private final Supplier<HttpClient> factory;
    private volatile @Nullable HttpClient client;

    private LazyClient(Supplier<HttpClient> factory) {
        this.factory = factory;
    }

    static LazyClient of(Supplier<HttpClient> factory) {
        return new LazyClient(factory);
    }

    @Override
    public HttpClient get() {
        HttpClient made = client;
        if (made == null) {
            synchronized (this) {
                made = client;
                if (made == null) {
                    made = factory.get();
                    client = made;
                }
            }
        }
        return made;
    }
}
