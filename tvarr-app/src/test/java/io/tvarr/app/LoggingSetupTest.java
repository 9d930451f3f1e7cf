package io.tvarr.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LoggingSetupTest {
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Level level = root.getLevel();

    @AfterEach
    void restoreLevel() {
        root.setLevel(level);
    }

    private List<OutputStreamAppender<ILoggingEvent>> writers() {
        List<OutputStreamAppender<ILoggingEvent>> writers = new ArrayList<>();
        for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
            if (it.next() instanceof OutputStreamAppender<ILoggingEvent> writer) {
                writers.add(writer);
            }
        }
        return writers;
    }

    @Test
    void every_text_line_goes_through_the_masking_encoder_once_however_often_it_is_applied() {
        LoggingSetup.apply(new TvarrConfig.LogSettings("text", "INFO"));
        LoggingSetup.apply(new TvarrConfig.LogSettings("text", "INFO"));

        assertThat(writers()).isNotEmpty().allSatisfy(writer -> {
            assertThat(writer.getEncoder()).isInstanceOf(RedactingEncoder.class);
            assertThat(((RedactingEncoder) writer.getEncoder()).inner()).isNotInstanceOf(RedactingEncoder.class);
        });
    }
}
