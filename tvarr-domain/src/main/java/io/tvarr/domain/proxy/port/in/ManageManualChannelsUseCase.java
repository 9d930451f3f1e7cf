package io.tvarr.domain.proxy.port.in;

import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.proxy.ManualChannel;
import io.tvarr.domain.proxy.ProxyId;
import java.io.Reader;
import java.io.Writer;
import java.util.List;

/**
 * Channels a user adds by hand to a proxy: add, edit, remove, list, import from and export to M3U. They take effect
 * at the proxy's next generation. Unknown proxies and channels are {@code NotFoundException}s; invalid values {@code
 * ValidationException}s naming the field (for an import, the line).
 */
public interface ManageManualChannelsUseCase {
    ManualChannel add(SaveManualChannelCommand command);

    ManualChannel update(ChannelId channel, SaveManualChannelCommand command);

    /**
     * Adds the channel under the id {@code channel} (a configuration document's, the same in every instance), after
     * the proxy's others, or updates it when the proxy has it already. The caller sees to it that no other proxy
     * has a manual channel with this id (ids are unique across proxies).
     */
    ManualChannel put(ChannelId channel, SaveManualChannelCommand command);

    ManualChannel get(ProxyId proxy, ChannelId channel);

    void remove(ProxyId proxy, ChannelId channel);

    /** Every manual channel of the proxy, in their order. */
    List<ManualChannel> list(ProxyId proxy);

    /**
     * Reads an M3U playlist into the proxy's manual channels, all or nothing: an entry with the stream URL of one
     * already there updates it (keeping its id), the others are added after them.
     */
    ImportedManualChannels importM3u(ProxyId proxy, Reader playlist);

    /** Writes the proxy's manual channels as an M3U playlist that {@link #importM3u} reads back. */
    void exportM3u(ProxyId proxy, Writer out);

    /** What an import did. */
    record ImportedManualChannels(int added, int updated) {}
}
