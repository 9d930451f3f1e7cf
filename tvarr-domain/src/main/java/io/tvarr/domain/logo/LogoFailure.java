package io.tvarr.domain.logo;

import io.tvarr.domain.Checks;
import java.time.Instant;

/**
 * A logo URL the cache could not fetch, kept until a later fetch of it succeeds or a person clears the list.
 *
 * @param url the logo's URL as the playlist gave it (may hold credentials: mask it before showing it)
 * @param reason why the last attempt failed, in plain words
 * @param failures how many attempts in a row failed, at least 1
 * @param firstFailedAt when the first of those attempts failed
 * @param lastFailedAt when the last one failed
 */
public record LogoFailure(String url, String reason, int failures, Instant firstFailedAt, Instant lastFailedAt) {
    public LogoFailure {
        url = Checks.requireText(url, "url");
        reason = Checks.requireText(reason, "reason");
        Checks.requireRange(failures, 1, Integer.MAX_VALUE, "failures");
        Checks.requireNonNull(firstFailedAt, "first_failed_at");
        Checks.requireNonNull(lastFailedAt, "last_failed_at");
    }
}
