package io.tvarr.http.web;

import io.tvarr.domain.output.OutputAccess;
import io.tvarr.domain.output.port.in.OutputUrls;
import io.tvarr.domain.proxy.GenerationReport;
import io.tvarr.domain.proxy.GenerationStatus;
import io.tvarr.domain.proxy.StreamProxy;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A proxy as its page shows it: what it uses (by name), the URLs players subscribe to as its output access has
 * them (with the token in token mode), and its generation's state.
 *
 * @param report the report of the generation just run from this page, else null
 */
public record ProxyDetail(
        StreamProxy proxy,
        List<String> sources,
        List<String> guides,
        List<String> filters,
        List<String> rules,
        OutputAccess access,
        OutputUrls urls,
        GenerationStatus status,
        @Nullable GenerationReport report) {
    public ProxyDetail {
        sources = List.copyOf(sources);
        guides = List.copyOf(guides);
        filters = List.copyOf(filters);
        rules = List.copyOf(rules);
    }

    /** The Xtream Codes server players log in to: tvarr's own base URL, where the playlist lives too. */
    public String xtreamServer() {
        int path = urls.playlist().indexOf("/proxy/");
        return path < 0 ? urls.playlist() : urls.playlist().substring(0, path);
    }

    /** The report to show: the one just made, else the last successful one. */
    public @Nullable GenerationReport shownReport() {
        return report != null ? report : status.lastReport();
    }
}
