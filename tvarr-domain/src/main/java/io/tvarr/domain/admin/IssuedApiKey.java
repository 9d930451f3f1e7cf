package io.tvarr.domain.admin;

/**
 * A key just made, with the one copy of its full value that will ever exist.
 *
 * @param token what the program sends: {@code tvarr_<id>_<secret>}
 */
public record IssuedApiKey(ApiKey key, String token) {
    @Override
    public String toString() {
        return "IssuedApiKey[key=" + key.id() + ", token=***]";
    }
}
