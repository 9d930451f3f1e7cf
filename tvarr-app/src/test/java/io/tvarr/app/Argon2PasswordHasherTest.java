package io.tvarr.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Argon2PasswordHasherTest {
    private final Argon2PasswordHasher hasher = new Argon2PasswordHasher();

    @Test
    void a_hash_names_its_algorithm_and_parameters_and_never_holds_the_password() {
        String hash = hasher.hash("secret1");

        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain("secret1");
    }

    @Test
    void matches_the_password_it_was_made_from_and_no_other() {
        String hash = hasher.hash("secret1");

        assertThat(hasher.matches("secret1", hash)).isTrue();
        assertThat(hasher.matches("secret2", hash)).isFalse();
    }

    @Test
    void a_remembered_login_still_refuses_a_wrong_password_and_another_hash() {
        String hash = hasher.hash("secret1");
        String other = hasher.hash("secret2");
        assertThat(hasher.matches("secret1", hash)).isTrue();

        assertThat(hasher.matches("secret1", hash)).isTrue();
        assertThat(hasher.matches("secret2", hash)).isFalse();
        assertThat(hasher.matches("secret1", other)).isFalse();
    }

    @Test
    void the_same_password_hashes_differently_each_time() {
        assertThat(hasher.hash("secret1")).isNotEqualTo(hasher.hash("secret1"));
    }

    @Test
    void a_hash_it_cannot_read_matches_nothing() {
        assertThat(hasher.matches("secret1", "plain-text")).isFalse();
        assertThat(hasher.matches("secret1", "$argon2id$v=19$m=8,t=1,p=1$!!$!!"))
                .isFalse();
    }

    @Test
    void verifies_a_known_argon2id_vector() {
        // RFC 9106 parameters are not PHC-encoded; this one is argon2-cffi's output for password "password",
        // salt "somesalt" (c29tZXNhbHQ), m=65536, t=2, p=1, so another implementation's hash verifies here
        String reference = "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";

        assertThat(hasher.matches("password", reference)).isTrue();
    }

    @Test
    void the_decoy_has_the_parameters_of_a_real_hash_so_checking_it_costs_the_same_and_matches_nothing() {
        String decoy = hasher.decoyHash();
        String real = hasher.hash("tvarr-decoy-password");

        assertThat(decoy).matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        assertThat(decoy.substring(0, decoy.indexOf("p=1$"))).isEqualTo(real.substring(0, real.indexOf("p=1$")));
        assertThat(hasher.matches("tvarr-decoy-password", decoy)).isFalse();
        assertThat(hasher.matches("", decoy)).isFalse();
    }
}
