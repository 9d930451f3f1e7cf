package io.tvarr.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TvarrLogbackTest {
    private final LoggerContext context = new LoggerContext();

    @AfterEach
    void clear() {
        System.clearProperty(TvarrLogback.ACTIVE);
        System.clearProperty("logback.configurationFile");
        context.stop();
    }

    private ExecutionStatus configure() {
        TvarrLogback configurator = new TvarrLogback();
        configurator.setContext(context);
        return configurator.configure(context);
    }

    @Nested
    class Started_by_tvarr {
        @Test
        void writes_text_lines_to_the_console_at_info() {
            System.setProperty(TvarrLogback.ACTIVE, "true");

            assertThat(configure()).isEqualTo(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);

            var root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
            assertThat(root.getLevel()).isEqualTo(Level.INFO);
            assertThat(root.getAppender("CONSOLE")).isInstanceOfSatisfying(ConsoleAppender.class, console -> {
                assertThat(console.isStarted()).isTrue();
                assertThat(((PatternLayoutEncoder) console.getEncoder()).getPattern())
                        .isEqualTo("%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{36} %X{request_id}"
                                + " - %msg%n");
            });
        }

        @Test
        void keeps_the_upstream_clients_header_and_wire_lines_out_even_at_debug() {
            System.setProperty(TvarrLogback.ACTIVE, "true");
            configure();

            // log.level: DEBUG sets the root only; Apache's client would log every request header (tokens included)
            context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.DEBUG);

            assertThat(context.getLogger("org.apache.hc.client5.http.headers").isDebugEnabled())
                    .isFalse();
            assertThat(context.getLogger("org.apache.hc.client5.http.wire").isDebugEnabled())
                    .isFalse();
            assertThat(context.getLogger("org.eclipse.jetty.server").isInfoEnabled())
                    .isFalse();
        }

        @Test
        void leaves_a_configuration_file_given_with_logback_configuration_file_to_logback() {
            System.setProperty(TvarrLogback.ACTIVE, "true");
            System.setProperty("logback.configurationFile", "mine.xml");

            assertThat(configure()).isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
            assertThat(context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
                            .iteratorForAppenders()
                            .hasNext())
                    .isFalse();
        }
    }

    @Test
    void leaves_an_embedders_logging_to_its_own_configuration() {
        assertThat(configure()).isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
        assertThat(context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
                        .iteratorForAppenders()
                        .hasNext())
                .isFalse();
    }
}
