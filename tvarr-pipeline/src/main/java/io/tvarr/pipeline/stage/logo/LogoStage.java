package io.tvarr.pipeline.stage.logo;

import io.tvarr.pipeline.stage.ProxyChannel;
import io.tvarr.pipeline.stage.Stage;
import io.tvarr.pipeline.stage.StageOutcome;
import java.util.Map;

/**
 * Points channel logos at tvarr's cached copies ({@code {baseUrl}/logos/{sha256}.{ext}}); a logo that could not
 * be cached keeps its original URL.
 */
public final class LogoStage implements Stage<ProxyChannel> {
    private final Map<String, String> cachedFiles;
    private final String baseUrl;

    /** @param cachedFiles original logo URL to cached file name */
    public LogoStage(Map<String, String> cachedFiles, String baseUrl) {
        this.cachedFiles = cachedFiles;
        this.baseUrl = baseUrl;
    }

    @Override
    public String name() {
        return "logo_caching";
    }

    @Override
    public StageOutcome<ProxyChannel> apply(ProxyChannel item) {
        String logo = item.logo();
        String file = logo == null ? null : cachedFiles.get(logo);
        return StageOutcome.kept(file == null ? item : item.withLogo(baseUrl + "/logos/" + file));
    }
}
