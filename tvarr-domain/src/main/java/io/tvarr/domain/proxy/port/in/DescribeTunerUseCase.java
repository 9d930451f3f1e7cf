package io.tvarr.domain.proxy.port.in;

import io.tvarr.domain.proxy.TunerDevice;
import java.util.List;

/** Describes proxies as HDHomeRun tuner devices, for the device's discover.json and device.xml. */
public interface DescribeTunerUseCase {
    /**
     * The device of a proxy by id or slug.
     *
     * @throws io.tvarr.domain.NotFoundException when the proxy does not exist or its tuner is switched off
     */
    TunerDevice describe(String idOrSlug);

    /**
     * The device the bare paths answer for: the configured default proxy, else the first proxy with its tuner on.
     *
     * @throws io.tvarr.domain.NotFoundException when there is none, or the configured one is missing or switched off
     */
    TunerDevice describeDefault();

    /** Every proxy with its tuner on, in the order proxies are listed; for network discovery. */
    List<TunerDevice> describeAll();
}
