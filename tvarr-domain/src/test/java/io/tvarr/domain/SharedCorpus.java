package io.tvarr.domain;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The real-world corpus beside the checkout ({@code ../shared/corpus}). A fresh clone has none, so tests using it
 * skip with a message; under {@code CI=true}, where the corpus is laid out, a missing folder fails them instead, so
 * a test that could not look never passes silently.
 */
public final class SharedCorpus {
    private SharedCorpus() {}

    /** The corpus folder {@code sub} (such as {@code "m3u"}), or a skip (a failure under CI) when it is absent. */
    public static Path require(String sub) {
        Path folder = Path.of(System.getProperty("tvarr.repo.root", "."))
                .resolve("../shared/corpus")
                .resolve(sub)
                .normalize();
        if (!Files.isDirectory(folder)) {
            String message = "corpus not found at " + folder;
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message + " (CI=true: the corpus must be beside the checkout)");
            }
            Assumptions.abort(message + "; skipping");
        }
        return folder;
    }
}
