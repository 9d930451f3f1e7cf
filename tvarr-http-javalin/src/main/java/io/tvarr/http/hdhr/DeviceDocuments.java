package io.tvarr.http.hdhr;

import io.tvarr.domain.proxy.LineupChannel;
import io.tvarr.domain.proxy.TunerDevice;
import io.tvarr.domain.relay.TunerStatus;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * What an HDHomeRun device says about itself, in the field names and types its clients read: discover.json (Plex,
 * Jellyfin, Emby), lineup_status.json and the UPnP description device.xml.
 */
final class DeviceDocuments {
    private static final String UPNP = "urn:schemas-upnp-org:device-1-0";

    private DeviceDocuments() {}

    /** discover.json: TunerCount is a number, every other field a string. */
    static Map<String, Object> discover(TunerDevice device) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("FriendlyName", device.friendlyName());
        json.put("Manufacturer", "Silicondust");
        json.put("ModelNumber", TunerDevice.MODEL_NUMBER);
        json.put("FirmwareName", TunerDevice.FIRMWARE_NAME);
        json.put("FirmwareVersion", TunerDevice.FIRMWARE_VERSION);
        json.put("DeviceID", device.deviceId().hex());
        json.put("DeviceAuth", device.deviceAuth());
        json.put("BaseURL", device.baseUrl());
        json.put("LineupURL", device.lineupUrl());
        json.put("TunerCount", device.tunerCount());
        return json;
    }

    /** lineup_status.json: tvarr's lineup is the proxy's, so there is never a scan in progress. */
    static Map<String, Object> lineupStatus() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("ScanInProgress", 0);
        json.put("ScanPossible", 1);
        json.put("Source", "Cable");
        json.put("SourceList", List.of("Cable"));
        return json;
    }

    /**
     * status.json: one entry per tuner as a real device lists them, {@code {"Resource": "tuner0"}} when idle; a
     * streaming one adds the channel's number and name ({@code VctNumber}, {@code VctName}, when the published
     * lineup still has it) and the player's address ({@code TargetIP}). Signal figures are left out: tvarr has none.
     *
     * @param channels the lineup's channels by their id, for those the tuners stream
     */
    static List<Map<String, Object>> status(List<TunerStatus> tuners, Map<String, LineupChannel> channels) {
        List<Map<String, Object>> json = new ArrayList<>(tuners.size());
        for (TunerStatus tuner : tuners) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("Resource", tuner.resource());
            if (tuner.busy()) {
                LineupChannel channel = channels.get(tuner.channel());
                if (channel != null) {
                    entry.put("VctNumber", channel.number());
                    entry.put("VctName", channel.name());
                }
                entry.put("TargetIP", tuner.clientAddress());
            }
            json.add(entry);
        }
        return json;
    }

    /** device.xml: a UPnP MediaServer whose UDN is the proxy's id, so it is stable and unique too. */
    static String deviceXml(TunerDevice device) {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("root");
            xml.writeDefaultNamespace(UPNP);
            element(xml, "URLBase", device.baseUrl());
            xml.writeStartElement("specVersion");
            element(xml, "major", "1");
            element(xml, "minor", "0");
            xml.writeEndElement();
            xml.writeStartElement("device");
            element(xml, "deviceType", "urn:schemas-upnp-org:device:MediaServer:1");
            element(xml, "friendlyName", device.friendlyName());
            element(xml, "manufacturer", "Silicondust");
            element(xml, "modelName", TunerDevice.MODEL_NUMBER);
            element(xml, "modelNumber", TunerDevice.MODEL_NUMBER);
            element(xml, "serialNumber", device.deviceId().hex());
            element(xml, "UDN", "uuid:" + device.proxy());
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("device.xml could not be written: " + e.getMessage(), e);
        }
        return text.toString();
    }

    private static void element(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeStartElement(name);
        // XML 1.0 cannot carry control characters even escaped; a provider's name may hold some
        xml.writeCharacters(value.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]", " "));
        xml.writeEndElement();
    }
}
