package io.tvarr.domain.proxy.port.out;

import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.proxy.ManualChannel;
import io.tvarr.domain.proxy.ProxyId;
import java.util.List;
import java.util.Optional;

/**
 * Stores the channels users add by hand to a proxy, deleted with their proxy. A proxy holds at most {@link
 * ManualChannel#MAX_PER_PROXY} of them, so they are read as a list. Implementations are thread-safe.
 */
public interface ManualChannelRepository {
    /** No manual channels anywhere: for tools and tests that do not store any. */
    ManualChannelRepository NONE = new ManualChannelRepository() {
        @Override
        public void saveAll(List<ManualChannel> channels) {
            throw new UnsupportedOperationException("manual channels are not stored here");
        }

        @Override
        public Optional<ManualChannel> find(ProxyId proxy, ChannelId channel) {
            return Optional.empty();
        }

        @Override
        public List<ManualChannel> findAllByProxy(ProxyId proxy) {
            return List.of();
        }

        @Override
        public boolean delete(ProxyId proxy, ChannelId channel) {
            return false;
        }
    };

    /** Inserts or replaces each channel by id, all or none. */
    void saveAll(List<ManualChannel> channels);

    Optional<ManualChannel> find(ProxyId proxy, ChannelId channel);

    /** Every manual channel of the proxy, by position then id. */
    List<ManualChannel> findAllByProxy(ProxyId proxy);

    /** @return false when there was none */
    boolean delete(ProxyId proxy, ChannelId channel);
}
