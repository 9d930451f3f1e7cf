package io.tvarr.domain.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tvarr.domain.ValidationException;
import java.net.URI;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MaskedSecretsTest {
    private final URI stored = URI.create("http://h.example/get.php?username=bob&password=s3cret&type=m3u");

    @Nested
    class A_url {
        @Test
        void sent_back_as_shown_keeps_the_stored_one() {
            assertThat(MaskedSecrets.url("http://h.example/get.php?username=***&password=***&type=m3u", stored))
                    .isEqualTo(stored);
        }

        @Test
        void changed_but_still_masked_is_refused_rather_than_stored_with_the_mask() {
            assertThatThrownBy(() -> MaskedSecrets.url(
                            "http://h.example/get.php?username=***&password=***&type=m3u_plus", stored))
                    .isInstanceOf(ValidationException.class)
                    .hasMessageContaining("url: ")
                    .hasMessageContaining("***")
                    .hasMessageNotContaining("s3cret");
        }

        @Test
        void changed_with_the_secrets_written_out_is_taken() {
            String given = "http://h.example/get.php?username=bob&password=n3w&type=m3u_plus";

            assertThat(MaskedSecrets.url(given, stored)).isEqualTo(URI.create(given));
        }
    }

    @Nested
    class A_password {
        private final Credentials login = new Credentials("bob", "s3cret");

        @Test
        void masked_or_left_out_keeps_the_stored_one() {
            assertThat(MaskedSecrets.credentials("bob", "***", login)).isEqualTo(login);
            assertThat(MaskedSecrets.credentials("bob", null, login)).isEqualTo(login);
        }

        @Test
        void given_replaces_the_stored_one() {
            assertThat(MaskedSecrets.credentials("bob", "n3w", login)).isEqualTo(new Credentials("bob", "n3w"));
        }
    }
}
