/**
 * The logo cache: {@link io.tvarr.domain.logo.service.CachedLogos} (what is held, and the checks on entry),
 * {@link io.tvarr.domain.logo.service.LogoDownloader}, {@link io.tvarr.domain.logo.service.LogoUploader} and
 * {@link io.tvarr.domain.logo.service.LogoGarbageCollector}.
 */
@NullMarked
package io.tvarr.domain.logo.service;

import org.jspecify.annotations.NullMarked;
