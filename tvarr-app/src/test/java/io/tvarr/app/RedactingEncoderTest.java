package io.tvarr.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The last guard of the server's log output: whatever a library or a stack trace says, credentials are masked. */
class RedactingEncoderTest {
    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final Logger logger = context.getLogger("io.example.Upstream");

    private ILoggingEvent failure() {
        IOException cause = new IOException("GET http://bob:s3cret@h.example/get.php?password=s3cret failed");
        return new LoggingEvent(
                "io.example.Upstream",
                logger,
                Level.ERROR,
                "fetch failed url={}",
                new UncheckedIOException("wrapped http://h.example/live/bob/s3cret/1.ts", cause),
                new Object[] {"http://h.example/xmltv.php?username=bob&password=s3cret"});
    }

    private String encoded(Encoder<ILoggingEvent> inner) {
        inner.setContext(context);
        inner.start();
        RedactingEncoder encoder = new RedactingEncoder(inner);
        encoder.setContext(context);
        encoder.start();
        return new String(encoder.encode(failure()), StandardCharsets.UTF_8);
    }

    @Test
    void text_lines_and_their_stack_traces_are_masked() {
        PatternLayoutEncoder text = new PatternLayoutEncoder();
        text.setPattern("%level %logger - %msg%n");

        String line = encoded(text);

        assertThat(line)
                .contains("fetch failed url=http://h.example/xmltv.php?username=***&password=***")
                .contains("http://***@h.example", "/live/***/***/1.ts", "at io.tvarr.app.RedactingEncoderTest")
                .doesNotContain("s3cret");
    }

    @Test
    void json_lines_and_their_stack_traces_are_masked() {
        String line = encoded(new JsonEncoder());

        assertThat(line).contains("password=***", "/live/***/***/1.ts").doesNotContain("s3cret");
    }

    @Test
    void json_slashes_are_unescaped_and_other_escapes_kept() {
        assertThat(RedactingEncoder.unescapeSlashes("{\"m\":\"http:\\/\\/h \\\\\\/ \\\"q\\\" \\\\\"}"))
                .isEqualTo("{\"m\":\"http://h \\\\/ \\\"q\\\" \\\\\"}");
    }
}
