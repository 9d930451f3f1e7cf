package io.tvarr.domain.backup;

import io.tvarr.domain.ValidationException;
import java.util.Arrays;
import java.util.regex.Pattern;

/** The store's schema version as its migrations number it ("11", "11.1"), compared part by part. */
public record SchemaVersion(String value) implements Comparable<SchemaVersion> {
    private static final Pattern FORM = Pattern.compile("\\d{1,9}(\\.\\d{1,9})*");

    public SchemaVersion {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new ValidationException("schema version: '" + value + "' is not a version such as 11 or 11.1");
        }
    }

    @Override
    public int compareTo(SchemaVersion other) {
        int[] mine = parts();
        int[] theirs = other.parts();
        for (int i = 0; i < Math.max(mine.length, theirs.length); i++) {
            int a = i < mine.length ? mine[i] : 0;
            int b = i < theirs.length ? theirs[i] : 0;
            if (a != b) {
                return Integer.compare(a, b);
            }
        }
        return 0;
    }

    public boolean isNewerThan(SchemaVersion other) {
        return compareTo(other) > 0;
    }

    private int[] parts() {
        return Arrays.stream(value.split("\\.")).mapToInt(Integer::parseInt).toArray();
    }

    @Override
    public String toString() {
        return value;
    }
}
