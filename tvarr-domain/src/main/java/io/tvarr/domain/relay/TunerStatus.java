package io.tvarr.domain.relay;

import io.tvarr.domain.Checks;
import org.jspecify.annotations.Nullable;

/**
 * One tuner of an HDHomeRun device, as a real device's {@code status.json} lists it.
 *
 * @param resource the tuner's name, {@code tuner0}, {@code tuner1}…
 * @param channel the channel it streams as the proxy's playlist names it, null when idle
 * @param clientAddress the address of the player it streams to, null when idle
 */
public record TunerStatus(
        String resource, @Nullable String channel, @Nullable String clientAddress) {
    public TunerStatus {
        resource = Checks.requireText(resource, "resource");
    }

    public boolean busy() {
        return channel != null;
    }
}
