/** The ingestion endpoints channel and guide sources share: start a refresh, read its status. */
@NullMarked
package io.tvarr.http.ingestion;

import org.jspecify.annotations.NullMarked;
