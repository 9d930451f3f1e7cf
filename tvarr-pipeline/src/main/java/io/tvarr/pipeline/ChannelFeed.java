package io.tvarr.pipeline;

import io.tvarr.domain.channel.port.out.ChannelRepository;
import io.tvarr.domain.proxy.ManualChannel;
import io.tvarr.domain.source.StreamSource;
import io.tvarr.pipeline.stage.ProxyChannel;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A proxy's channels on their way into its output: every channel of each source, the sources in the proxy's
 * order, then the channels the user added to the proxy by hand. Can be fed more than once (the pre-pass reads the channels before the real pass).
 */
final class ChannelFeed implements Feed<ProxyChannel> {
    private final ChannelRepository channels;
    private final List<StreamSource> sources;
    private final List<ManualChannel> manual;
    private final StreamSource manualSource;

    /**
     * @param manual the proxy's manual channels, fed after every source's, as channels of {@code manualSource}
     */
    ChannelFeed(
            ChannelRepository channels,
            List<StreamSource> sources,
            List<ManualChannel> manual,
            StreamSource manualSource) {
        this.channels = channels;
        this.sources = List.copyOf(sources);
        this.manual = List.copyOf(manual);
        this.manualSource = manualSource;
    }

    @Override
    public void feed(Consumer<ProxyChannel> sink) {
        for (int index = 0; index < sources.size(); index++) {
            StreamSource source = sources.get(index);
            int sourceIndex = index;
            channels.forEachBySource(source.id(), c -> sink.accept(ProxyChannel.of(c, source, sourceIndex)));
        }
        for (ManualChannel channel : manual) {
            sink.accept(ProxyChannel.of(channel.toChannel(), manualSource, sources.size()));
        }
    }

    /**
     * Feeds the provider number (tvg-chno, null for none) of every channel {@link #feed} would, one call per
     * channel, reading nothing else: all a pre-pass whose stages leave every channel as it is needs to know.
     */
    void feedNumbers(Consumer<@Nullable String> sink) {
        for (StreamSource source : sources) {
            channels.forEachNumberBySource(source.id(), sink);
        }
        for (ManualChannel channel : manual) {
            sink.accept(channel.toChannel().tvgChno());
        }
    }
}
