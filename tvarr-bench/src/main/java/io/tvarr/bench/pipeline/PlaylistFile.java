package io.tvarr.bench.pipeline;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One provider's M3U playlist for {@link PipelineBench}: channels {@code first} (inclusive) to {@code last}, each in
 * one of five countries, every seventh in a "VIP " group and every fiftieth in an "Adult " one, every third without
 * a channel number and every fourth with an empty logo, guide ids cycling over {@code guideChannels}.
 */
public record PlaylistFile(int first, int last, int guideChannels) {
    private static final String[] COUNTRIES = {"UK", "US", "DE", "FR", "ES"};

    public void write(Path file) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("#EXTM3U\n");
            for (int c = first; c < last; c++) {
                out.write(entry(c));
            }
        }
    }

    private String entry(int c) {
        String country = COUNTRIES[c % COUNTRIES.length];
        String group = (c % 50 == 0 ? "Adult " : c % 7 == 0 ? "VIP " : "") + country + " Entertainment " + (c % 20);
        String number = c % 3 == 0 ? "" : " tvg-chno=\"" + (c + 1) + "\"";
        String logo = c % 4 == 0 ? "" : "http://logos.example/" + c + ".png";
        return "#EXTINF:-1 tvg-id=\"ch" + (c % guideChannels) + ".example\" tvg-name=\"Channel " + c + "\"" + number
                + " tvg-logo=\"" + logo + "\" group-title=\"" + group + "\" tvg-language=\"English\","
                + country + ": Channel " + c + " HD\n"
                + "http://provider.example/live/user/pass/" + c + ".ts\n";
    }
}
