package io.tvarr.app;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * The URL players reach tvarr at, written into playlists: {@code server.base_url} when set; otherwise built from
 * the listening port and, when tvarr listens on every interface, the machine's first LAN (site-local IPv4)
 * address, so players on other machines can follow the links. Falls back to localhost.
 */
final class BaseUrl implements Supplier<String> {
    private final String configured;
    private final String host;
    private final IntSupplier port;

    BaseUrl(String configured, String host, IntSupplier port) {
        this.configured = configured;
        this.host = host;
        this.port = port;
    }

    @Override
    public String get() {
        if (!configured.isEmpty()) {
            return configured;
        }
        return "http://" + reachableHost() + ":" + port.getAsInt();
    }

    private String reachableHost() {
        if (!host.equals("0.0.0.0") && !host.equals("::") && !host.isBlank()) {
            return host.contains(":") ? "[" + host + "]" : host;
        }
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback() || nic.isVirtual()) {
                    continue;
                }
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address && address.isSiteLocalAddress()) {
                        return address.getHostAddress();
                    }
                }
            }
        } catch (SocketException e) {
            // no interface list: localhost still serves players on this machine
        }
        return "localhost";
    }
}
