package io.tvarr.bench.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The whole-process floor for {@link WholeProcessBench}: a JVM that starts, reads a file line by line as UTF-8 and
 * prints the count. Nothing can read a playlist in a fresh JVM faster than this by much.
 */
public final class LineCount {
    private LineCount() {}

    public static void main(String[] args) throws IOException {
        long lines = 0;
        try (BufferedReader in = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
            while (in.readLine() != null) {
                lines++;
            }
        }
        System.out.println(lines + " lines");
    }
}
