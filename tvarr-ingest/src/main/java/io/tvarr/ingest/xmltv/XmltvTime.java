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
        while (digits < value.length() && value.charAt(digits) >= '0' && value.charAt(digits) <= '9') {
            digits++;
        }
        if (digits < 8 || digits > 14 || digits % 2 != 0) {
            return Optional.empty();
        }
        String rest = value.substring(digits).strip();
        try {
            LocalDateTime local = LocalDateTime.of(
                    number(value, 0, 4),
                    number(value, 4, 6),
                    number(value, 6, 8),
                    digits > 8 ? number(value, 8, 10) : 0,
                    digits > 10 ? number(value, 10, 12) : 0,
                    digits > 12 ? number(value, 12, 14) : 0);
            if (rest.isEmpty()) {
                return Optional.of(local.atZone(zone).toInstant());
            }
            return Optional.of(local.toInstant(offset(rest)));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static int number(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + (text.charAt(i) - '0');
        }
        return value;
    }

    private static ZoneOffset offset(String text) {
        if (text.equalsIgnoreCase("Z") || text.equalsIgnoreCase("UTC") || text.equalsIgnoreCase("GMT")) {
            return ZoneOffset.UTC;
        }
        // checked by hand: a regex compiled per programme cost a tenth of a big guide's ingestion
        if (text.length() != 5 || (text.charAt(0) != '+' && text.charAt(0) != '-') || !digits(text, 1, 5)) {
            throw new IllegalArgumentException("offset " + text);
        }
        int sign = text.charAt(0) == '-' ? -1 : 1;
        int hours = (text.charAt(1) - '0') * 10 + (text.charAt(2) - '0');
        int minutes = (text.charAt(3) - '0') * 10 + (text.charAt(4) - '0');
        return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
    }

    private static boolean digits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
