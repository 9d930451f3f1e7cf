package io.tvarr.pipeline.output;

import io.tvarr.domain.StorageException;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.function.Consumer;

/** Reads a lineup file written by {@link LineupWriter}, line by line. Does not close the reader it is given. */
public final class LineupReader {
    private LineupReader() {}

    /**
     * Pushes each row to {@code sink} in file order.
     *
     * @param name the file, for error messages
     * @throws StorageException when the file is not a lineup or a line has not the five fields
     */
    public static void read(BufferedReader in, String name, Consumer<LineupRow> sink) {
        try {
            String header = in.readLine();
            if (!LineupWriter.HEADER.equals(header)) {
                throw new StorageException(
                        name + " line 1: not a tvarr lineup (expected: " + LineupWriter.HEADER + ")");
            }
            int number = 1;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                number++;
                String[] fields = line.split("\t", -1);
                if (fields.length != 5) {
                    throw new StorageException(
                            name + " line " + number + ": " + fields.length + " fields (expected: 5)");
                }
                sink.accept(new LineupRow(fields[0], fields[1], empty(fields[2]), empty(fields[3]), fields[4]));
            }
        } catch (IOException e) {
            throw new StorageException(name + ": could not be read (" + e.getMessage() + ")", e);
        }
    }

    private static @org.jspecify.annotations.Nullable String empty(String field) {
        return field.isEmpty() ? null : field;
    }
}
