package io.tvarr.pipeline.output;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Formats programme times the way XMLTV writes them, {@code yyyyMMddHHmmss +0000}, always in UTC.
 *
 * <p>A large guide formats two times per programme; going through {@link DateTimeFormatter} for each cost more
 * than writing the rest of the programme's attributes. Programmes of one channel follow each other: a start is
 * usually the stop just written, the date changes once a day and the time of day is plain arithmetic. Not
 * thread-safe: one per writer.
 */
final class XmltvTimes {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final int SECONDS_PER_DAY = 86_400;

    private long day = Long.MIN_VALUE;
    private String date = "";
    private long lastSeconds = Long.MIN_VALUE;
    private String last = "";

    String format(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds != lastSeconds) {
            lastSeconds = seconds;
            last = formatSeconds(seconds);
        }
        return last;
    }

    private String formatSeconds(long seconds) {
        long epochDay = Math.floorDiv(seconds, SECONDS_PER_DAY);
        if (epochDay != day) {
            day = epochDay;
            date = DATE.format(LocalDate.ofEpochDay(epochDay).atStartOfDay(ZoneOffset.UTC));
        }
        int ofDay = (int) (seconds - epochDay * SECONDS_PER_DAY);
        StringBuilder text = new StringBuilder(date.length() + 12).append(date);
        twoDigits(text, ofDay / 3600);
        twoDigits(text, ofDay / 60 % 60);
        twoDigits(text, ofDay % 60);
        return text.append(" +0000").toString();
    }

    private static void twoDigits(StringBuilder text, int value) {
        text.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }
}
