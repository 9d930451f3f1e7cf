package io.tvarr.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.Map;

/**
 * The runnable jar's Logback configuration, made in code: Logback finds it as a {@link Configurator} service before
 * its XML configurators, whose parsing was a tenth of a {@code tvarr generate} (#19). It acts only in a process
 * {@link TvarrCommand#main} started ({@link #ACTIVE}) and only when no {@code -Dlogback.configurationFile} is given,
 * so a user's file and an embedder's own {@code logback.xml} are read as before. Text lines by default; {@code
 * log.format: json} swaps in Logback's JsonEncoder later ({@link LoggingSetup}).
 */
public final class TvarrLogback extends ContextAwareBase implements Configurator {
    /** The system property {@link TvarrCommand#main} sets to {@code true} to ask for this configuration. */
    static final String ACTIVE = "tvarr.logback.builtin";

    static final String PATTERN =
            "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{36} %X{request_id} - %msg%n";

    /**
     * Libraries held at WARN whatever {@code log.level} says; Apache's HTTP client (the relay's upstream) would write
     * every request header, providers' tokens included, and the wire at DEBUG.
     */
    static final Map<String, Level> QUIET = Map.of(
            "org.eclipse.jetty", Level.WARN,
            "com.zaxxer.hikari", Level.WARN,
            "org.flywaydb", Level.WARN,
            "io.javalin", Level.WARN,
            "org.apache.hc", Level.WARN);

    /** Made by Logback's service loader. */
    public TvarrLogback() {}

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (!Boolean.getBoolean(ACTIVE) || System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setName("CONSOLE");
        console.setContext(context);
        console.setEncoder(encoder);
        console.start();
        QUIET.forEach((name, level) -> context.getLogger(name).setLevel(level));
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(console);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
