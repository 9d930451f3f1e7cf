package io.tvarr.domain.relay.port.out;

import io.tvarr.domain.relay.HardwareAcceleration;
import java.util.Set;

/** Finds the hardware encoders that really work here (device present and a test encode passed). */
public interface HardwareAccelerationDetector {
    Set<HardwareAcceleration> available();
}
