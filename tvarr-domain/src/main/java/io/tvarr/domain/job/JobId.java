package io.tvarr.domain.job;

import io.tvarr.domain.Ids;
import java.util.Objects;
import java.util.UUID;

/** Identity of a job. */
public record JobId(UUID value) {
    public JobId {
        Objects.requireNonNull(value, "value");
    }

    public static JobId random() {
        return new JobId(UUID.randomUUID());
    }

    public static JobId parse(String text) {
        return new JobId(Ids.parseUuid(text, "job id"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
