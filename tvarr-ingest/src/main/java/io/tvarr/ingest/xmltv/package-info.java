/** Streaming, hardened XMLTV parsing and the XMLTV / Xtream guide sources. */
@NullMarked
package io.tvarr.ingest.xmltv;

import org.jspecify.annotations.NullMarked;
