package io.tvarr.ingest.xmltv;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * XMLTV times: {@code YYYYMMDDhhmmss ±hhmm} and its truncated forms (minutes, hours, the date alone), with or
 * without a space before the offset. A time without offset is read in the source's zone.
 */
final class XmltvTime {
    private XmltvTime() {}

    static Optional<Instant> parse(String text, ZoneId zone) {
        String value = text.strip();
        int digits = 0;
        while (digits < value.length() && Character.isDigit(value.charAt(digits))) {
            digits++;
        }
        if (digits < 8 || digits > 14 || digits % 2 != 0) {
            return Optional.empty();
        }
        String stamp = (value.substring(0, digits) + "000000").substring(0, 14);
        String rest = value.substring(digits).strip();
        try {
            LocalDateTime local = LocalDateTime.of(
                    Integer.parseInt(stamp.substring(0, 4)),
                    Integer.parseInt(stamp.substring(4, 6)),
                    Integer.parseInt(stamp.substring(6, 8)),
                    Integer.parseInt(stamp.substring(8, 10)),
                    Integer.parseInt(stamp.substring(10, 12)),
                    Integer.parseInt(stamp.substring(12, 14)));
            if (rest.isEmpty()) {
                return Optional.of(local.atZone(zone).toInstant());
            }
            return Optional.of(local.toInstant(offset(rest)));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static ZoneOffset offset(String text) {
        if (text.equalsIgnoreCase("Z") || text.equalsIgnoreCase("UTC") || text.equalsIgnoreCase("GMT")) {
            return ZoneOffset.UTC;
        }
        if (!text.matches("[+-]\\d{4}")) {
            throw new IllegalArgumentException("offset " + text);
        }
        int sign = text.charAt(0) == '-' ? -1 : 1;
        int hours = Integer.parseInt(text.substring(1, 3));
        int minutes = Integer.parseInt(text.substring(3, 5));
        return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
    }
}
