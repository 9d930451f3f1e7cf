package io.tvarr.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.tvarr.domain.logo.port.out.LogoFileRepository;
import io.tvarr.persistence.proxy.JdbiPublishedOutputRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * How every database keeps the logos instances share: two stores (two instances, each its own pool) store and read
 * the same files. Subclasses only supply the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LogoFileContract {
    private TestDatabase database;
    private final List<JdbiPersistence> pools = new ArrayList<>();
    private LogoFileRepository one;
    private LogoFileRepository two;

    abstract TestDatabase createDatabase();

    @BeforeAll
    void two_instances_on_one_database() {
        database = createDatabase();
        database.persistence().migrate();
        for (int i = 0; i < 2; i++) {
            pools.add(JdbiPersistence.open(new DatabaseSettings(database.url(), null, null, 4, 7, 11, 5)));
        }
        one = pools.get(0).logoFiles();
        two = pools.get(1).logoFiles();
    }

    @AfterAll
    void close() {
        pools.forEach(JdbiPersistence::close);
        if (database != null) {
            database.close();
        }
    }

    private static String aName() {
        StringBuilder name = new StringBuilder();
        Random random = new Random();
        for (int i = 0; i < 64; i++) {
            name.append(Character.forDigit(random.nextInt(16), 16));
        }
        return name.append(".png").toString();
    }

    private static byte[] bytes(int size, int seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    @Test
    void a_file_stored_by_one_instance_is_read_whole_by_another() {
        String name = aName();
        byte[] logo = bytes(5000, 1);

        one.insert(name, logo);

        assertThat(two.find(name)).hasValueSatisfying(read -> assertThat(read).isEqualTo(logo));
    }

    @Test
    void a_file_larger_than_a_chunk_comes_back_in_order() {
        String name = aName();
        byte[] logo = bytes(JdbiPublishedOutputRepository.CHUNK_BYTES * 2 + 17, 2);

        one.insert(name, logo);

        assertThat(two.find(name)).hasValueSatisfying(read -> assertThat(read).isEqualTo(logo));
    }

    @Test
    void storing_a_name_again_keeps_the_first_bytes() {
        String name = aName();
        byte[] logo = bytes(300, 3);
        one.insert(name, logo);

        two.insert(name, bytes(300, 4));

        assertThat(one.find(name)).hasValueSatisfying(read -> assertThat(read).isEqualTo(logo));
    }

    @Test
    void an_unknown_name_is_empty() {
        assertThat(one.find(aName())).isEmpty();
    }

    @Test
    void a_deleted_file_is_gone_for_every_instance_and_listed_no_more() {
        String name = aName();
        one.insert(name, bytes(100, 5));
        List<String> before = new ArrayList<>();
        two.forEachFileName(before::add);

        assertThat(two.delete(name)).isTrue();

        List<String> after = new ArrayList<>();
        one.forEachFileName(after::add);
        assertThat(before).contains(name);
        assertThat(after).doesNotContain(name);
        assertThat(one.find(name)).isEmpty();
        assertThat(one.delete(name)).isFalse();
    }
}
