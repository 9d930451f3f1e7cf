package io.tvarr.domain.job.service;

import io.tvarr.domain.ValidationException;
import io.tvarr.domain.job.port.out.CronSchedules;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Cron for tests, in UTC: minute and hour fields of {@code *}, {@code *}{@code /n} or a number, the other three
 * {@code *}, and {@code @hourly}. Enough for every schedule the scheduler tests use; found by walking minutes.
 */
final class DailyCron implements CronSchedules {
    private static final Duration HORIZON = Duration.ofDays(8);

    @Override
    public void validate(String field, String expression) {
        fields(field, expression);
    }

    @Override
    public Optional<Instant> next(String expression, Instant after) {
        String[] fields = fields("schedule", expression);
        Instant minute = after.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
        for (Instant end = after.plus(HORIZON); minute.isBefore(end); minute = minute.plus(Duration.ofMinutes(1))) {
            if (matches(fields, minute)) {
                return Optional.of(minute);
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<Instant> previous(String expression, Instant at) {
        String[] fields = fields("schedule", expression);
        Instant minute = at.truncatedTo(ChronoUnit.MINUTES);
        for (Instant end = at.minus(HORIZON); minute.isAfter(end); minute = minute.minus(Duration.ofMinutes(1))) {
            if (matches(fields, minute)) {
                return Optional.of(minute);
            }
        }
        return Optional.empty();
    }

    private static String[] fields(String field, String expression) {
        String unix = expression.equals("@hourly") ? "0 * * * *" : expression;
        String[] fields = unix.strip().split("\\s+");
        if (fields.length != 5 || !fields[2].equals("*") || !fields[3].equals("*") || !fields[4].equals("*")) {
            throw new ValidationException(field + ": '" + expression + "' (expected: 'm h * * *' or @hourly)");
        }
        return fields;
    }

    private static boolean matches(String[] fields, Instant minute) {
        ZonedDateTime time = minute.atZone(ZoneOffset.UTC);
        return matches(fields[0], time.getMinute()) && matches(fields[1], time.getHour());
    }

    private static boolean matches(String field, int value) {
        if (field.equals("*")) {
            return true;
        }
        if (field.startsWith("*/")) {
            return value % Integer.parseInt(field.substring(2)) == 0;
        }
        return value == Integer.parseInt(field);
    }
}
