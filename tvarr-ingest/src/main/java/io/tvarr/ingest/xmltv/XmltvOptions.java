package io.tvarr.ingest.xmltv;

import io.tvarr.domain.epg.EpgSourceId;
import java.time.ZoneId;

/**
 * How to read one source's guide.
 *
 * @param zone zone for times written without an offset
 * @param shiftMinutes added to every programme time
 */
public record XmltvOptions(EpgSourceId source, ZoneId zone, int shiftMinutes) {}
