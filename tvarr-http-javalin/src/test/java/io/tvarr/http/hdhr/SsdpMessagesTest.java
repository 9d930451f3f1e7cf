package io.tvarr.http.hdhr;

import static org.assertj.core.api.Assertions.assertThat;

import io.tvarr.domain.proxy.ProxyId;
import io.tvarr.domain.proxy.TunerDevice;
import io.tvarr.domain.proxy.TunerDeviceId;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SsdpMessagesTest {
    private static final ProxyId PROXY = ProxyId.random();
    private static final TunerDevice DEVICE = new TunerDevice(
            PROXY, "Living room", TunerDeviceId.of(PROXY), "auth", "http://192.168.1.5:8080/hdhr/living-room", 2);

    @Nested
    class Requests {
        @Test
        void an_m_search_gives_its_search_target_whatever_the_header_case() {
            assertThat(target("M-SEARCH * HTTP/1.1\r\nHost: 239.255.255.250:1900\r\nman: \"ssdp:discover\"\r\n"
                            + "mx: 2\r\nst: upnp:rootdevice\r\n\r\n"))
                    .isEqualTo("upnp:rootdevice");
        }

        @Test
        void notifications_replies_and_searches_without_discover_are_ignored() {
            assertThat(target("NOTIFY * HTTP/1.1\r\nNT: upnp:rootdevice\r\nNTS: ssdp:alive\r\n\r\n"))
                    .isNull();
            assertThat(target("HTTP/1.1 200 OK\r\nST: upnp:rootdevice\r\n\r\n")).isNull();
            assertThat(target("M-SEARCH * HTTP/1.1\r\nST: ssdp:all\r\n\r\n")).isNull();
            assertThat(target("M-SEARCH * HTTP/1.1\r\nMAN: \"ssdp:discover\"\r\n\r\n"))
                    .isNull();
        }
    }

    @Nested
    class Replies {
        @Test
        void name_the_device_description_under_the_base_url() {
            List<String> replies = SsdpMessages.replies(DEVICE, "urn:schemas-upnp-org:device:MediaServer:1", "x");

            assertThat(replies)
                    .singleElement()
                    .satisfies(reply -> assertThat(reply)
                            .startsWith("HTTP/1.1 200 OK\r\n")
                            .contains("LOCATION: http://192.168.1.5:8080/hdhr/living-room/device.xml\r\n")
                            .contains("ST: urn:schemas-upnp-org:device:MediaServer:1\r\n")
                            .contains("USN: uuid:" + PROXY + "::urn:schemas-upnp-org:device:MediaServer:1\r\n")
                            .endsWith("\r\n\r\n"));
        }

        @Test
        void a_search_for_the_udn_is_answered_with_the_udn_alone() {
            assertThat(SsdpMessages.replies(DEVICE, "uuid:" + PROXY, "x"))
                    .singleElement()
                    .satisfies(reply -> assertThat(reply).contains("USN: uuid:" + PROXY + "\r\n"));
        }

        @Test
        void other_types_get_none() {
            assertThat(SsdpMessages.replies(DEVICE, "urn:schemas-upnp-org:device:MediaRenderer:1", "x"))
                    .isEmpty();
        }
    }

    private static String target(String request) {
        byte[] bytes = request.getBytes(StandardCharsets.UTF_8);
        return SsdpMessages.searchTarget(bytes, bytes.length).orElse(null);
    }

    @Nested
    class Notifications {
        @Test
        void alive_names_the_description_and_max_age_for_each_notification_type() {
            List<String> alive = SsdpMessages.notifications(DEVICE, true, "239.255.255.250:1900", "tvarr/1");

            assertThat(alive)
                    .hasSize(4)
                    .allSatisfy(m -> assertThat(m)
                            .startsWith("NOTIFY * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\n")
                            .contains("CACHE-CONTROL: max-age=1800\r\n")
                            .contains("LOCATION: http://192.168.1.5:8080/hdhr/living-room/device.xml\r\n")
                            .contains("NTS: ssdp:alive\r\n")
                            .contains("SERVER: tvarr/1\r\n")
                            .endsWith("\r\n\r\n"));
            assertThat(alive.get(1)).contains("NT: uuid:" + PROXY + "\r\n").contains("USN: uuid:" + PROXY + "\r\n");
            assertThat(alive.get(3))
                    .contains("NT: urn:schemas-silicondust-com:device:HDHomeRun:1\r\n")
                    .contains("USN: uuid:" + PROXY + "::urn:schemas-silicondust-com:device:HDHomeRun:1\r\n");
        }

        @Test
        void byebye_carries_only_host_type_and_usn() {
            List<String> byebye = SsdpMessages.notifications(DEVICE, false, "239.255.255.250:1900", "tvarr/1");

            assertThat(byebye)
                    .hasSize(4)
                    .allSatisfy(m -> assertThat(m)
                            .contains("NTS: ssdp:byebye\r\n")
                            .doesNotContain("LOCATION")
                            .doesNotContain("CACHE-CONTROL"));
        }
    }
}
