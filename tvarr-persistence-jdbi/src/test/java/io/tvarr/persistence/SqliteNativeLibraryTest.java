package io.tvarr.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.util.LibraryLoaderUtil;

class SqliteNativeLibraryTest {
    @TempDir
    Path dir;

    private static byte[] jarsLibrary() throws Exception {
        String folder = LibraryLoaderUtil.getNativeLibResourcePath();
        try (InputStream in = SqliteNativeLibrary.class
                .getClassLoader()
                .getResourceAsStream(folder.substring(1) + "/" + LibraryLoaderUtil.getNativeLibName())) {
            assertThat(in).as("sqlite-jdbc's library for this platform").isNotNull();
            return in.readAllBytes();
        }
    }

    @Nested
    class A_new_directory {
        @Test
        void receives_the_jars_library_and_is_the_owners_alone() throws Exception {
            Path cache = dir.resolve("cache/tvarr");

            Path copy = new SqliteNativeLibrary(cache).copy().orElseThrow();

            assertThat(copy.getParent()).isEqualTo(cache);
            assertThat(Files.readAllBytes(copy)).isEqualTo(jarsLibrary());
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cache)))
                    .isEqualTo("rwx------");
            try (var left = Files.list(cache)) {
                assertThat(left).as("no partial copy is left").containsExactly(copy);
            }
        }
    }

    @Nested
    class A_copy_already_there {
        @Test
        void is_used_as_it_is() throws Exception {
            Path copy = new SqliteNativeLibrary(dir).copy().orElseThrow();
            FileTime written = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
            Files.setLastModifiedTime(copy, written);

            Path again = new SqliteNativeLibrary(dir).copy().orElseThrow();

            assertThat(again).isEqualTo(copy);
            assertThat(Files.getLastModifiedTime(again)).isEqualTo(written);
        }

        @Test
        void is_written_again_when_damaged() throws Exception {
            Path copy = new SqliteNativeLibrary(dir).copy().orElseThrow();
            byte[] library = Files.readAllBytes(copy);
            library[library.length / 2] ^= 1;
            Files.write(copy, library);

            Path again = new SqliteNativeLibrary(dir).copy().orElseThrow();

            assertThat(Files.readAllBytes(again)).isEqualTo(jarsLibrary());
        }
    }

    @Nested
    class Copies_of_other_driver_versions {
        @Test
        void are_removed_when_a_day_old_once_a_new_copy_is_written() throws Exception {
            Path old = Files.write(dir.resolve("libsqlitejdbc-0badc0de-1234.so"), new byte[] {1, 2, 3});
            Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(Duration.ofDays(2))));
            Path recent = Files.write(dir.resolve("libsqlitejdbc-0ddba11-1234.so"), new byte[] {4, 5, 6});
            Path unrelated = Files.write(dir.resolve("other-cache.bin"), new byte[] {7});
            Files.setLastModifiedTime(unrelated, FileTime.from(Instant.now().minus(Duration.ofDays(2))));

            Path copy = new SqliteNativeLibrary(dir).copy().orElseThrow();

            try (var left = Files.list(dir)) {
                assertThat(left)
                        .as("another version's copy may be loaded by a tvarr starting now, so only old ones go")
                        .containsExactlyInAnyOrder(copy, recent, unrelated);
            }
        }
    }

    @Test
    void a_directory_others_may_write_to_is_not_used() throws Exception {
        Path shared = Files.createDirectory(dir.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));

        assertThat(new SqliteNativeLibrary(shared).copy()).isEmpty();
        try (var left = Files.list(shared)) {
            assertThat(left).isEmpty();
        }
    }
}
