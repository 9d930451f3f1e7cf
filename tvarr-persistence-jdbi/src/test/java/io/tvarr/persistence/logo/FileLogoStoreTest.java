package io.tvarr.persistence.logo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tvarr.domain.ValidationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileLogoStoreTest {
    static final String NAME = "a".repeat(64) + ".png";

    @TempDir
    Path dir;

    FileLogoStore store() {
        return new FileLogoStore(dir.resolve("logos"));
    }

    @Test
    void writes_the_bytes_under_their_name_and_leaves_no_temporary_file() throws Exception {
        FileLogoStore store = store();

        store.write(NAME, new byte[] {1, 2, 3});

        assertThat(store.find(NAME))
                .hasValueSatisfying(file -> assertThat(file).hasBinaryContent(new byte[] {1, 2, 3}));
        try (Stream<Path> files = Files.list(dir.resolve("logos"))) {
            assertThat(files).containsExactly(dir.resolve("logos").resolve(NAME));
        }
    }

    @Test
    void writing_a_name_again_keeps_the_first_file() {
        FileLogoStore store = store();
        store.write(NAME, new byte[] {1});

        store.write(NAME, new byte[] {2});

        assertThat(store.find(NAME)).hasValueSatisfying(file -> assertThat(file).hasBinaryContent(new byte[] {1}));
    }

    @Test
    void names_that_are_not_content_addresses_never_reach_the_disk() {
        FileLogoStore store = store();

        assertThatThrownBy(() -> store.write("../escape.png", new byte[] {1}))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("expected: sha256.png|jpg|gif|webp|svg");
        assertThat(store.find("../tvarr.db")).isEmpty();
        assertThatThrownBy(() -> store.delete("x.exe")).isInstanceOf(ValidationException.class);
    }

    @Test
    void lists_only_logo_files_and_deletes_them() throws Exception {
        FileLogoStore store = store();
        store.write(NAME, new byte[] {1});
        Files.writeString(dir.resolve("logos").resolve("notes.txt"), "not a logo");
        List<String> listed = new ArrayList<>();

        store.forEachFile(listed::add);

        assertThat(listed).containsExactly(NAME);
        assertThat(store.delete(NAME)).isTrue();
        assertThat(store.delete(NAME)).isFalse();
        assertThat(store.find(NAME)).isEmpty();
    }

    @Test
    void an_absent_directory_lists_nothing() {
        List<String> listed = new ArrayList<>();

        store().forEachFile(listed::add);

        assertThat(listed).isEmpty();
    }
}
