package io.tvarr.ingest.xmltv;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;

/**
 * XMLTV times: {@code YYYYMMDDhhmmss ±hhmm} and its truncated forms (minutes, hours, the date alone), with or
 * without a space before the offset. A time without offset is read in the source's zone.
 *
 * <p>Read by hand, not through {@code LocalDateTime} and {@code ZoneOffset}: every programme has two times, and
 * building and validating those objects (and looking the offset up in the JDK's cache) was a twentieth of a big
 * guide's ingestion. The rules are the JDK's: months of their length, leap years, offsets up to ±18:00.
 */
final class XmltvTime {
    private static final int NO_OFFSET = Integer.MIN_VALUE;
    private static final int INVALID = Integer.MAX_VALUE;

    private XmltvTime() {}

    static Optional<Instant> parse(String text, ZoneId zone) {
        int from = 0;
        int to = text.length();
        while (from < to && Character.isWhitespace(text.charAt(from))) {
            from++;
        }
        while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
            to--;
        }
        int digits = 0;
        while (from + digits < to && isDigit(text.charAt(from + digits))) {
            digits++;
        }
        if (digits < 8 || digits > 14 || digits % 2 != 0) {
            return Optional.empty();
        }
        int year = number(text, from, 4);
        int month = number(text, from + 4, 2);
        int day = number(text, from + 6, 2);
        int hour = digits > 8 ? number(text, from + 8, 2) : 0;
        int minute = digits > 10 ? number(text, from + 10, 2) : 0;
        int second = digits > 12 ? number(text, from + 12, 2) : 0;
        if (month < 1
                || month > 12
                || day < 1
                || day > monthLength(year, month)
                || hour > 23
                || minute > 59
                || second > 59) {
            return Optional.empty();
        }
        int offset = offsetSeconds(text, skipBlanks(text, from + digits, to), to);
        if (offset == INVALID) {
            return Optional.empty();
        }
        if (offset == NO_OFFSET) {
            return Optional.of(LocalDateTime.of(year, month, day, hour, minute, second)
                    .atZone(zone)
                    .toInstant());
        }
        long seconds = epochDay(year, month, day) * 86_400L + hour * 3600L + minute * 60L + second - offset;
        return Optional.of(Instant.ofEpochSecond(seconds));
    }

    private static int skipBlanks(String text, int from, int to) {
        int at = from;
        while (at < to && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
        return at;
    }

    /** The offset in seconds of {@code text[from, to)}, {@link #NO_OFFSET} when empty, {@link #INVALID} if wrong. */
    private static int offsetSeconds(String text, int from, int to) {
        int length = to - from;
        if (length == 0) {
            return NO_OFFSET;
        }
        if (text.regionMatches(true, from, "Z", 0, 1) && length == 1
                || length == 3
                        && (text.regionMatches(true, from, "UTC", 0, 3)
                                || text.regionMatches(true, from, "GMT", 0, 3))) {
            return 0;
        }
        char sign = text.charAt(from);
        if (length != 5 || (sign != '+' && sign != '-')) {
            return INVALID;
        }
        for (int i = from + 1; i < to; i++) {
            if (!isDigit(text.charAt(i))) {
                return INVALID;
            }
        }
        int hours = number(text, from + 1, 2);
        int minutes = number(text, from + 3, 2);
        int seconds = hours * 3600 + minutes * 60;
        if (hours > 18 || minutes > 59 || seconds > 18 * 3600) {
            return INVALID;
        }
        return sign == '-' ? -seconds : seconds;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int number(String text, int from, int length) {
        int value = 0;
        for (int i = from; i < from + length; i++) {
            value = value * 10 + (text.charAt(i) - '0');
        }
        return value;
    }

    private static int monthLength(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Days since 1970-01-01 of a valid proleptic Gregorian date, as {@code LocalDate.toEpochDay} counts them. */
    private static long epochDay(int year, int month, int day) {
        long y = year;
        long total = 365 * y;
        total += (y + 3) / 4 - (y + 99) / 100 + (y + 399) / 400;
        total += (367L * month - 362) / 12;
        total += day - 1;
        if (month > 2) {
            total--;
            if (!(year % 4 == 0 && (year % 100 != 0 || year % 400 == 0))) {
                total--;
            }
        }
        return total - 719_528L;
    }
}
