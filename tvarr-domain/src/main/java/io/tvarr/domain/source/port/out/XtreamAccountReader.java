package io.tvarr.domain.source.port.out;

import io.tvarr.domain.source.Credentials;
import io.tvarr.domain.source.XtreamAccount;
import java.net.URI;
import org.jspecify.annotations.Nullable;

/** Logs in to an Xtream Codes panel and reads the account, through the same fetcher (and its refusals) as ingestion. */
public interface XtreamAccountReader {
    /**
     * @throws io.tvarr.domain.RefusedUpstreamException when the panel refuses the login
     * @throws io.tvarr.domain.UpstreamException when the panel cannot be reached or answers nonsense
     * @throws io.tvarr.domain.ValidationException when the URL is one tvarr does not fetch
     */
    XtreamAccount read(URI server, Credentials login, @Nullable String userAgent);
}
