package io.tvarr.domain.source;

/** Container the Xtream panel is asked for in live stream URLs. */
public enum XtreamOutput {
    TS("ts"),
    M3U8("m3u8");

    private final String extension;

    XtreamOutput(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }
}
