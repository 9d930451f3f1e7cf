package io.tvarr.http.web;

import io.tvarr.domain.job.Job;
import io.tvarr.domain.job.JobProgress;

/** A queued or running job with its progress, as the dashboard shows it. */
public record JobRow(Job job, JobProgress progress) {
    public String kind() {
        return Shown.word(job.kind());
    }

    public String state() {
        return Shown.wire(job.state());
    }

    /** The counts so far, such as {@code entries 1200, bytes 52000}. */
    public String counts() {
        StringBuilder text = new StringBuilder();
        progress.counts().entrySet().stream()
                .sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> {
                    if (text.length() > 0) {
                        text.append(", ");
                    }
                    text.append(e.getKey().replace('_', ' ')).append(' ').append(e.getValue());
                });
        return text.toString();
    }
}
