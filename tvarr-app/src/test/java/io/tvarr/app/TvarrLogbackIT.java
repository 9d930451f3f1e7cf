package io.tvarr.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The log lines of {@code tvarr} as a process prints them: its own format, or the one a user's file asks for. */
class TvarrLogbackIT {
    @TempDir
    Path dir;

    private String migrate(List<String> jvmOptions, String... options) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        command.addAll(jvmOptions);
        command.addAll(List.of(
                "-cp",
                System.getProperty("java.class.path"),
                TvarrCommand.class.getName(),
                "migrate",
                "--database-url",
                "jdbc:sqlite:" + dir.resolve("tvarr.db")));
        command.addAll(List.of(options));
        Path output = dir.resolve("output.txt");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .directory(dir.toFile())
                .start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String printed = Files.readString(output);
        assertThat(process.exitValue()).as(printed).isZero();
        return printed;
    }

    @Test
    void prints_its_own_text_lines_by_default() throws Exception {
        // the test class path holds a logback-test.xml with another pattern: tvarr's own configuration comes first;
        // %logger{36} shortens the 36-character logger name
        Path classes = dir.resolve("classes.txt");
        String printed = migrate(List.of("-Xlog:class+load:file=" + classes));

        // made in code: Logback's XML configurator, a tenth of a one-entry generate, is never loaded (#19)
        assertThat(Files.readString(classes)).doesNotContain("ch.qos.logback.classic.joran.JoranConfigurator");
        assertThat(printed)
                .containsPattern(
                        "(?m)^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(Z|[+-]\\d\\d:\\d\\d) INFO  \\[main\\]"
                                + " i\\.tvarr\\.persistence\\.JdbiPersistence  - database opened vendor=sqlite");
    }

    @Test
    void prints_what_a_file_given_with_logback_configuration_file_asks_for() throws Exception {
        Path file = dir.resolve("mine.xml");
        Files.writeString(file, """
                <configuration>
                  <appender name="MINE" class="ch.qos.logback.core.ConsoleAppender">
                    <encoder><pattern>MINE %level %msg%n</pattern></encoder>
                  </appender>
                  <root level="INFO"><appender-ref ref="MINE"/></root>
                </configuration>
                """);

        assertThat(migrate(List.of("-Dlogback.configurationFile=" + file)))
                .containsPattern("(?m)^MINE INFO database opened vendor=sqlite");
    }

    @Test
    void prints_json_lines_with_log_format_json() throws Exception {
        assertThat(migrate(List.of(), "--log-format", "json"))
                .containsPattern("(?m)^\\{.*\"level\":\"INFO\".*\"message\":\"database opened vendor=\\{} url=\\{}\"");
    }
}
