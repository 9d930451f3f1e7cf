/**
 * Saving a source that reads an uploaded file, the same steps for channel sources and guides; outside the service
 * packages so both features' upload services share them.
 */
@NullMarked
package io.tvarr.domain.source.upload;

import org.jspecify.annotations.NullMarked;
