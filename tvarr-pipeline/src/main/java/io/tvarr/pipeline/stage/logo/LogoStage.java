package io.tvarr.pipeline.stage.logo;

import io.tvarr.pipeline.stage.ProxyChannel;
import io.tvarr.pipeline.stage.Stage;
import io.tvarr.pipeline.stage.StageOutcome;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Points channel logos at tvarr's cached copies ({@code {baseUrl}/logos/{sha256}.{ext}}, with {@code ?token=} for
 * a token proxy, whose players may be anywhere); a logo that could not be cached keeps its original URL.
 */
public final class LogoStage implements Stage<ProxyChannel> {
    private final Map<String, String> cachedFiles;
    private final String baseUrl;
    private final String query;

    /**
     * @param cachedFiles original logo URL to cached file name
     * @param token the proxy's output token, null when it has none
     */
    public LogoStage(Map<String, String> cachedFiles, String baseUrl, @Nullable String token) {
        this.cachedFiles = cachedFiles;
        this.baseUrl = baseUrl;
        // tokens are URL-safe Base64: nothing to escape
        this.query = token == null ? "" : "?token=" + token;
    }

    @Override
    public String name() {
        return "logo_caching";
    }

    @Override
    public StageOutcome<ProxyChannel> apply(ProxyChannel item) {
        String logo = item.logo();
        String file = logo == null ? null : cachedFiles.get(logo);
        return StageOutcome.kept(file == null ? item : item.withLogo(baseUrl + "/logos/" + file + query));
    }
}
