package io.tvarr.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A realistic XMLTV guide for the benches: channels {@code ch<n>.example} with a display name and an icon, then per
 * channel back-to-back programmes (even slots {@code evenSlot} long, odd ones {@code oddSlot}) with title,
 * sub-title, description, two categories, an icon, both episode numbers and a {@code <new/>} flag on every fifth.
 */
public record XmltvGuideFile(int channels, int perChannel, Duration evenSlot, Duration oddSlot, String description) {
    private static final DateTimeFormatter XMLTV =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss Z").withZone(ZoneOffset.UTC);

    /** Writes the guide to {@code file} (UTF-8), the first programme of each channel starting at {@code start}. */
    public void write(Path file, Instant start) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE tv SYSTEM \"xmltv.dtd\">\n<tv>\n");
            for (int c = 0; c < channels; c++) {
                out.write("<channel id=\"ch" + c + ".example\"><display-name lang=\"en\">Channel " + c
                        + "</display-name><icon src=\"http://logos.example/" + c + ".png\"/></channel>\n");
            }
            for (int c = 0; c < channels; c++) {
                Instant at = start;
                for (int p = 0; p < perChannel; p++) {
                    Instant stop = at.plus(p % 2 == 0 ? evenSlot : oddSlot);
                    out.write(programme(c, p, at, stop));
                    at = stop;
                }
            }
            out.write("</tv>\n");
        }
    }

    private String programme(int c, int p, Instant start, Instant stop) {
        return "<programme start=\"" + XMLTV.format(start) + "\" stop=\"" + XMLTV.format(stop)
                + "\" channel=\"ch" + c + ".example\"><title lang=\"en\">Show " + p
                + "</title><sub-title>Episode " + p + "</sub-title><desc lang=\"en\">" + description
                + "</desc><category lang=\"en\">Drama</category><category lang=\"en\">Series</category>"
                + "<icon src=\"http://img.example/" + c + "/" + p + ".jpg\"/>"
                + "<episode-num system=\"xmltv_ns\">" + (p / 10) + "." + (p % 10) + ".0/1</episode-num>"
                + "<episode-num system=\"onscreen\">S" + (p / 10 + 1) + "E" + (p % 10 + 1)
                + "</episode-num>"
                + (p % 5 == 0 ? "<new/>" : "") + "</programme>\n";
    }
}
