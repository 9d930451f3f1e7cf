package io.tvarr.pipeline;

import io.tvarr.domain.channel.port.out.ChannelRepository;
import io.tvarr.domain.source.StreamSource;
import io.tvarr.pipeline.stage.ProxyChannel;
import java.util.List;
import java.util.function.Consumer;

/**
 * A proxy's channels on their way into its output: every channel of each source, the sources in the proxy's
 * order. Can be fed more than once (the pre-pass reads the channels before the real pass).
 */
final class ChannelFeed implements Feed<ProxyChannel> {
    private final ChannelRepository channels;
    private final List<StreamSource> sources;

    ChannelFeed(ChannelRepository channels, List<StreamSource> sources) {
        this.channels = channels;
        this.sources = List.copyOf(sources);
    }

    @Override
    public void feed(Consumer<ProxyChannel> sink) {
        for (int index = 0; index < sources.size(); index++) {
            StreamSource source = sources.get(index);
            int sourceIndex = index;
            channels.forEachBySource(source.id(), c -> sink.accept(ProxyChannel.of(c, source, sourceIndex)));
        }
    }
}
