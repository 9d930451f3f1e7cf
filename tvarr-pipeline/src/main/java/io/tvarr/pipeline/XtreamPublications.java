package io.tvarr.pipeline;

import io.tvarr.domain.NotFoundException;
import io.tvarr.domain.proxy.ProxyId;
import io.tvarr.domain.xtream.XtreamChannel;
import io.tvarr.domain.xtream.port.in.ReadXtreamLineupUseCase;
import io.tvarr.pipeline.output.XtreamLineupFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What the Xtream door reads of a proxy's published outputs: the lineup file the channel pass writes beside the
 * playlist. Reads only published files, which are replaced by atomic rename, so a read always sees one complete
 * generation. Thread-safe.
 */
public final class XtreamPublications implements ReadXtreamLineupUseCase {
    private final PublishedOutputs outputs;

    /** @param outputDirectory the generator's ({@link PipelineSettings#outputDirectory()}), kept there only */
    public XtreamPublications(Path outputDirectory) {
        this(PublishedOutputs.local(outputDirectory));
    }

    /** @param outputs the generator's */
    public XtreamPublications(PublishedOutputs outputs) {
        this.outputs = outputs;
    }

    @Override
    public boolean isPublished(ProxyId proxy) {
        return Files.isRegularFile(lineup(proxy));
    }

    @Override
    public void forEachChannel(ProxyId proxy, Consumer<XtreamChannel> sink) {
        if (!XtreamLineupFile.read(lineup(proxy), sink)) {
            throw new NotFoundException("proxy " + proxy + ": no lineup published yet");
        }
    }

    @Override
    public Optional<XtreamChannel> findChannel(ProxyId proxy, int streamId) {
        return XtreamLineupFile.find(lineup(proxy), streamId);
    }

    private Path lineup(ProxyId proxy) {
        return outputs.current(proxy).resolve(XtreamLineupFile.NAME);
    }
}
