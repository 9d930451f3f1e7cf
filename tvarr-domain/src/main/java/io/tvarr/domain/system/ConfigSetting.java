package io.tvarr.domain.system;

import io.tvarr.domain.Checks;
import io.tvarr.domain.Redaction;
import java.util.List;
import java.util.Locale;

/**
 * One configuration key as it is in effect, safe to show: secrets are masked when the setting is made, so no copy of
 * the secret travels further.
 *
 * @param key the key as written in the YAML file ({@code database.url})
 * @param value the value in effect, secrets replaced by {@value #MASK} and URLs' credentials masked; empty when unset
 * @param byDefault true when nothing set the key and the default is in effect
 * @param description what the key does
 */
public record ConfigSetting(String key, String value, boolean byDefault, String description) {
    public static final String MASK = "***";
    /** Keys named so hold secrets whatever the caller says: a new key cannot leak by being forgotten. */
    private static final List<String> SECRET_WORDS = List.of("password", "passwd", "secret", "token", "api_key");

    public ConfigSetting {
        key = Checks.requireText(key, "key");
        Checks.requireNonNull(value, "value");
        Checks.requireNonNull(description, "description");
    }

    /**
     * The setting to show for a raw value: a secret set to anything becomes {@value #MASK}, any other value has the
     * credentials in the URLs it holds masked (a database URL's {@code password=}, a base URL's {@code user:pass@}).
     *
     * @param secret the key holds a secret (a password, a token)
     */
    public static ConfigSetting of(String key, String value, String defaultValue, String description, boolean secret) {
        boolean byDefault = value.equals(defaultValue);
        if (secret || looksSecret(key)) {
            return new ConfigSetting(key, value.isEmpty() ? "" : MASK, byDefault, description);
        }
        return new ConfigSetting(key, Redaction.redactUrl(value), byDefault, description);
    }

    private static boolean looksSecret(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        return SECRET_WORDS.stream().anyMatch(lower::contains);
    }
}
