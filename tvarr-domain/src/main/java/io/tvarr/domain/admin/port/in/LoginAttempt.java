package io.tvarr.domain.admin.port.in;

import io.tvarr.domain.Checks;

/**
 * A try at logging in.
 *
 * @param address where it came from, as the HTTP adapter resolved it; throttling counts per address too
 */
public record LoginAttempt(String username, String password, String address) {
    public LoginAttempt {
        username = username == null ? "" : username;
        password = password == null ? "" : password;
        address = Checks.requireText(address, "address");
    }

    @Override
    public String toString() {
        return "LoginAttempt[username=" + username + ", password=***, address=" + address + "]";
    }
}
