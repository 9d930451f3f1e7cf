package io.tvarr.app;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.job.port.out.CronSchedules;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Cron through cron-utils: the 5-field Unix format, plus the shorthands {@code @hourly}, {@code @daily}
 * ({@code @midnight}), {@code @weekly}, {@code @monthly} and {@code @yearly} ({@code @annually}), evaluated in
 * the server's time zone. Parsed expressions are cached. Thread-safe.
 */
final class CronUtilsSchedules implements CronSchedules {
    private static final Map<String, String> SHORTHANDS = Map.of(
            "@hourly", "0 * * * *",
            "@daily", "0 0 * * *",
            "@midnight", "0 0 * * *",
            "@weekly", "0 0 * * 0",
            "@monthly", "0 0 1 * *",
            "@yearly", "0 0 1 1 *",
            "@annually", "0 0 1 1 *");

    /** Any fixed start will do: a schedule that fires at all fires within the 28-year calendar cycle after it. */
    private static final java.time.LocalDateTime LEAP_CYCLE_START = java.time.LocalDateTime.of(2000, 1, 1, 0, 0);

    private final CronParser parser = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
    private final Map<String, ExecutionTime> parsed = new ConcurrentHashMap<>();
    private final ZoneId zone;

    CronUtilsSchedules(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public void validate(String field, String expression) {
        execution(field, expression);
    }

    @Override
    public Optional<Instant> next(String expression, Instant after) {
        return execution("schedule", expression)
                .nextExecution(ZonedDateTime.ofInstant(after, zone))
                .map(ZonedDateTime::toInstant);
    }

    @Override
    public Optional<Instant> previous(String expression, Instant at) {
        ExecutionTime execution = execution("schedule", expression);
        ZonedDateTime now = ZonedDateTime.ofInstant(at, zone);
        // lastExecution is strictly before its argument; an expression firing exactly now counts as now
        if (execution.isMatch(now.withSecond(0).withNano(0)) && now.getSecond() == 0 && now.getNano() == 0) {
            return Optional.of(at);
        }
        return execution.lastExecution(now).map(ZonedDateTime::toInstant);
    }

    private ExecutionTime execution(String field, String expression) {
        String normalised = expression.strip().toLowerCase(Locale.ROOT);
        ExecutionTime known = parsed.get(normalised);
        if (known != null) {
            return known;
        }
        String unix = SHORTHANDS.getOrDefault(normalised, normalised);
        if (unix.startsWith("@")) {
            throw new ValidationException(field + ": '" + expression + "' is not a known shorthand (expected: "
                    + "@hourly, @daily, @midnight, @weekly, @monthly, @yearly or @annually)");
        }
        if (unix.split("\\s+").length != 5) {
            throw new ValidationException(field + ": '" + expression
                    + "' (expected: 5 fields, minute hour day-of-month month day-of-week, such as '0 */6 * * *')");
        }
        try {
            Cron cron = parser.parse(unix).validate();
            ExecutionTime execution = ExecutionTime.forCron(cron);
            if (execution.nextExecution(LEAP_CYCLE_START.atZone(zone)).isEmpty()) {
                throw new ValidationException(field + ": '" + expression
                        + "' never fires (no date matches it, such as the 30th of February)");
            }
            parsed.put(normalised, execution);
            return execution;
        } catch (IllegalArgumentException e) {
            throw new ValidationException(field + ": '" + expression + "' is not valid cron (" + e.getMessage() + ")");
        }
    }
}
