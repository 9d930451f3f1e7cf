package io.tvarr.domain.job.service;

import io.tvarr.domain.ingestion.IngestionTarget;
import io.tvarr.domain.ingestion.port.out.IngestionListener;
import io.tvarr.domain.job.JobKind;
import io.tvarr.domain.proxy.StreamProxy;
import io.tvarr.domain.proxy.port.out.StreamProxyRepository;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A refreshed input makes the proxies that use it stale: each of them gets a generation job, however the
 * ingestion was started. Triggers coalesce in the queue, so a proxy with a generation already waiting gets no
 * second one.
 */
public final class RegenerateProxiesOnRefresh implements IngestionListener {
    private static final Logger log = LoggerFactory.getLogger(RegenerateProxiesOnRefresh.class);

    private final StreamProxyRepository proxies;
    private final JobQueue queue;

    public RegenerateProxiesOnRefresh(StreamProxyRepository proxies, JobQueue queue) {
        this.proxies = proxies;
        this.queue = queue;
    }

    @Override
    public void succeeded(IngestionTarget event) {
        List<StreamProxy> stale = users(event);
        for (StreamProxy proxy : stale) {
            queue.submit(JobKind.PROXY_GENERATE, proxy.id().toString());
        }
        if (!stale.isEmpty()) {
            log.info("proxies regenerate after refresh input={} proxies={}", event, stale.size());
        }
    }

    private List<StreamProxy> users(IngestionTarget event) {
        if (event instanceof IngestionTarget.ChannelSource source) {
            return proxies.findUsingSource(source.id());
        }
        return proxies.findUsingGuide(((IngestionTarget.GuideSource) event).id());
    }
}
