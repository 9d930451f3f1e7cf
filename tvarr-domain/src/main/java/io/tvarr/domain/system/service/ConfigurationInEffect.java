package io.tvarr.domain.system.service;

import io.tvarr.domain.system.ConfigSetting;
import io.tvarr.domain.system.port.in.ShowConfigurationUseCase;
import java.util.List;

/** The settings tvarr started with, already masked ({@link ConfigSetting#of}); they do not change while it runs. */
public final class ConfigurationInEffect implements ShowConfigurationUseCase {
    private final List<ConfigSetting> settings;

    public ConfigurationInEffect(List<ConfigSetting> settings) {
        this.settings = List.copyOf(settings);
    }

    @Override
    public List<ConfigSetting> settings() {
        return settings;
    }
}
