package io.tvarr.relay.ffmpeg;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The provider's request headers as FFmpeg input options. */
final class InputHeaders {
    private InputHeaders() {}

    static List<String> arguments(Map<String, String> headers) {
        List<String> args = new ArrayList<>();
        StringBuilder other = new StringBuilder();
        headers.forEach((name, value) -> {
            String clean = value.replace("\r", " ").replace("\n", " ");
            if (name.equalsIgnoreCase("User-Agent")) {
                args.add("-user_agent");
                args.add(clean);
            } else {
                other.append(name).append(": ").append(clean).append("\r\n");
            }
        });
        if (other.length() > 0) {
            args.add("-headers");
            args.add(other.toString());
        }
        return args;
    }
}
