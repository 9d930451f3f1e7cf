package io.tvarr.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import java.util.Iterator;
import org.slf4j.LoggerFactory;

/**
 * Applies the configured log format and level to Logback once the configuration is known, and masks credentials
 * in whatever the root logger's appenders write ({@link RedactingEncoder}).
 */
final class LoggingSetup {
    private LoggingSetup() {}

    static void apply(TvarrConfig.LogSettings settings) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(settings.level(), Level.INFO));
        if (settings.format().equals("json")) {
            JsonEncoder encoder = new JsonEncoder();
            encoder.setContext(context);
            encoder.start();
            ConsoleAppender<ILoggingEvent> json = new ConsoleAppender<>();
            json.setName("JSON");
            json.setContext(context);
            json.setEncoder(encoder);
            json.start();
            root.detachAndStopAllAppenders();
            root.addAppender(json);
        }
        for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
            if (it.next() instanceof OutputStreamAppender<ILoggingEvent> appender) {
                redact(appender);
            }
        }
    }

    private static void redact(OutputStreamAppender<ILoggingEvent> appender) {
        Encoder<ILoggingEvent> encoder = appender.getEncoder();
        if (encoder == null || encoder instanceof RedactingEncoder) {
            return;
        }
        RedactingEncoder redacting = new RedactingEncoder(encoder);
        redacting.setContext(appender.getContext());
        redacting.start();
        appender.setEncoder(redacting);
    }
}
