package io.tvarr.domain.system.port.in;

import io.tvarr.domain.system.ConfigSetting;
import java.util.List;

/** The configuration in effect, every secret masked. Thread-safe. */
public interface ShowConfigurationUseCase {
    /** Every key in the order the documentation lists them; empty when tvarr was built from code without a config. */
    List<ConfigSetting> settings();
}
