package io.tvarr.http.hdhr;

import io.tvarr.domain.proxy.TunerDevice;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * SSDP (UPnP device architecture 1.0, section 1) as a tuner answers it: an M-SEARCH request's search target, the
 * unicast replies for one device, each naming its description (device.xml) in LOCATION, and its NOTIFY
 * announcements (alive, byebye).
 */
final class SsdpMessages {
    static final String ALL = "ssdp:all";
    static final String ROOT_DEVICE = "upnp:rootdevice";
    static final String MEDIA_SERVER = "urn:schemas-upnp-org:device:MediaServer:1";
    /** The device type HDHomeRun clients search for, in both spellings seen in the field. */
    static final List<String> HDHOMERUN =
            List.of("urn:schemas-silicondust-com:device:HDHomeRun:1", "urn:silicondust-com:device:HDHomeRun:1");

    /** How long a control point may trust an answer or announcement: announcements repeat well within it. */
    static final int MAX_AGE_SECONDS = 1800;

    private SsdpMessages() {}

    /**
     * The search target of an M-SEARCH for discovery ({@code MAN: "ssdp:discover"}); empty for anything else
     * (NOTIFY announcements of other devices, replies, garbage).
     */
    static Optional<String> searchTarget(byte[] packet, int length) {
        String text = new String(packet, 0, length, StandardCharsets.UTF_8);
        List<String> lines = text.lines().toList();
        if (lines.isEmpty() || !lines.get(0).strip().toUpperCase(Locale.ROOT).startsWith("M-SEARCH * HTTP/1.")) {
            return Optional.empty();
        }
        String man = header(lines, "MAN");
        String target = header(lines, "ST");
        if (man == null || !man.replace("\"", "").equalsIgnoreCase("ssdp:discover") || target == null) {
            return Optional.empty();
        }
        return Optional.of(target);
    }

    /** The replies a device owes a search for {@code target}: none when the target is not one of its types. */
    static List<String> replies(TunerDevice device, String target, String server) {
        String udn = "uuid:" + device.proxy();
        List<String> targets = new ArrayList<>();
        if (target.equalsIgnoreCase(ALL)) {
            targets.addAll(List.of(ROOT_DEVICE, udn, MEDIA_SERVER, HDHOMERUN.get(0)));
        } else if (target.equalsIgnoreCase(ROOT_DEVICE)
                || target.equalsIgnoreCase(udn)
                || target.equalsIgnoreCase(MEDIA_SERVER)
                || HDHOMERUN.stream().anyMatch(target::equalsIgnoreCase)) {
            targets.add(target);
        }
        return targets.stream()
                .map(st -> reply(device, st, st.equals(udn) ? udn : udn + "::" + st, server))
                .toList();
    }

    /**
     * The NOTIFY announcements of one device, one per notification type (root device, its UDN, MediaServer,
     * HDHomeRun): {@code ssdp:alive} with its description and max-age, or {@code ssdp:byebye}.
     *
     * @param host the {@code HOST} header, the multicast group and port they are sent to
     */
    static List<String> notifications(TunerDevice device, boolean alive, String host, String server) {
        String udn = "uuid:" + device.proxy();
        List<String> messages = new ArrayList<>();
        for (String type : List.of(ROOT_DEVICE, udn, MEDIA_SERVER, HDHOMERUN.get(0))) {
            String usn = type.equals(udn) ? udn : udn + "::" + type;
            StringBuilder message = new StringBuilder("NOTIFY * HTTP/1.1\r\n")
                    .append("HOST: ")
                    .append(host)
                    .append("\r\n");
            if (alive) {
                message.append("CACHE-CONTROL: max-age=" + MAX_AGE_SECONDS + "\r\n")
                        .append("LOCATION: ")
                        .append(device.baseUrl())
                        .append("/device.xml\r\n");
            }
            message.append("NT: ").append(type).append("\r\n");
            message.append("NTS: ").append(alive ? "ssdp:alive" : "ssdp:byebye").append("\r\n");
            if (alive) {
                message.append("SERVER: ").append(server).append("\r\n");
            }
            message.append("USN: ").append(usn).append("\r\n\r\n");
            messages.add(message.toString());
        }
        return messages;
    }

    private static String reply(TunerDevice device, String target, String usn, String server) {
        return "HTTP/1.1 200 OK\r\n"
                + "CACHE-CONTROL: max-age=" + MAX_AGE_SECONDS + "\r\n"
                + "EXT:\r\n"
                + "LOCATION: " + device.baseUrl() + "/device.xml\r\n"
                + "SERVER: " + server + "\r\n"
                + "ST: " + target + "\r\n"
                + "USN: " + usn + "\r\n"
                + "\r\n";
    }

    private static @Nullable String header(List<String> lines, String name) {
        for (String line : lines.subList(1, lines.size())) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase(name)) {
                return line.substring(colon + 1).strip();
            }
        }
        return null;
    }
}
