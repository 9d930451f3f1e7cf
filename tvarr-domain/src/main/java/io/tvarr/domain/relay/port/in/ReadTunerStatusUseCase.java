package io.tvarr.domain.relay.port.in;

import io.tvarr.domain.relay.TunerStatus;
import java.util.List;

/** What each tuner of a proxy's HDHomeRun device is doing now, for its {@code status.json}. */
public interface ReadTunerStatusUseCase {
    /**
     * @param proxy the proxy's id or slug
     * @return one entry per tuner of the device, in tuner order
     * @throws io.tvarr.domain.NotFoundException when no such proxy has its tuner on
     */
    List<TunerStatus> status(String proxy);
}
