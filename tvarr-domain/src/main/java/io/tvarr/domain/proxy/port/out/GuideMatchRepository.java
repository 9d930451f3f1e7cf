package io.tvarr.domain.proxy.port.out;

import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.proxy.GuideMatchSettings;
import io.tvarr.domain.proxy.GuidePin;
import io.tvarr.domain.proxy.ProxyId;
import java.util.function.Consumer;

/**
 * Stores how each proxy matches its channels to its guides: its pins and its settings. Deleting a proxy deletes
 * them. Implementations are thread-safe.
 */
public interface GuideMatchRepository {
    /** Pushes the proxy's pins to {@code consumer} ordered by channel id. */
    void forEachPin(ProxyId proxy, Consumer<GuidePin> consumer);

    /** Saves the pin, replacing the channel's previous one. */
    void savePin(GuidePin pin);

    /** @return whether there was a pin to delete */
    boolean deletePin(ProxyId proxy, ChannelId channel);

    /** The proxy's settings; {@link GuideMatchSettings#DEFAULT} when none were saved. */
    GuideMatchSettings settings(ProxyId proxy);

    void saveSettings(ProxyId proxy, GuideMatchSettings settings);

    /** Nothing stored: no pins, default settings (tools and tests that need no pins). */
    GuideMatchRepository NONE = new GuideMatchRepository() {
        @Override
        public void forEachPin(ProxyId proxy, Consumer<GuidePin> consumer) {}

        @Override
        public void savePin(GuidePin pin) {
            throw new UnsupportedOperationException("guide pins are not stored in this setup");
        }

        @Override
        public boolean deletePin(ProxyId proxy, ChannelId channel) {
            return false;
        }

        @Override
        public GuideMatchSettings settings(ProxyId proxy) {
            return GuideMatchSettings.DEFAULT;
        }

        @Override
        public void saveSettings(ProxyId proxy, GuideMatchSettings settings) {
            throw new UnsupportedOperationException("guide match settings are not stored in this setup");
        }
    };
}
