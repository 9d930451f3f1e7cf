package io.tvarr.pipeline.output;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

/**
 * Formats programme times the way XMLTV writes them, {@code yyyyMMddHHmmss +0000}, always in UTC.
 *
 * <p>A large guide formats two times per programme; going through {@link DateTimeFormatter} for each cost more
 * than writing the rest of the programme's attributes. A start is usually the stop just written, a guide spans a
 * few days whose dates are formatted once, and the time of day is plain arithmetic. Not thread-safe: one per
 * writer.
 */
final class XmltvTimes {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final int SECONDS_PER_DAY = 86_400;
    // a guide window is days to weeks wide; the bound only guards against odd data
    private static final int MAX_DATES = 400;

    private final Map<Long, String> dates = new HashMap<>();
    private long lastDay = Long.MIN_VALUE;
    private String lastDate = "";
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
        if (epochDay != lastDay) {
            String date = dates.get(epochDay);
            if (date == null) {
                if (dates.size() >= MAX_DATES) {
                    dates.clear();
                }
                date = DATE.format(LocalDate.ofEpochDay(epochDay));
                dates.put(epochDay, date);
            }
            lastDay = epochDay;
            lastDate = date;
        }
        String date = lastDate;
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
