package io.tvarr.domain.proxy.port.in;

import io.tvarr.domain.Checks;
import io.tvarr.domain.epg.EpgSourceId;
import io.tvarr.domain.mapping.MappingRuleId;
import io.tvarr.domain.proxy.DeliveryMode;
import io.tvarr.domain.proxy.Numbering;
import io.tvarr.domain.proxy.OutputSettings;
import io.tvarr.domain.proxy.ProxyFilter;
import io.tvarr.domain.relay.RelayProfileId;
import io.tvarr.domain.source.SourceId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What a user gives to create or change a proxy; a null slug is derived from the name. */
public record SaveProxyCommand(
        String name,
        @Nullable String slug,
        List<SourceId> sources,
        List<EpgSourceId> epgSources,
        List<ProxyFilter> filters,
        List<MappingRuleId> mappingRules,
        Numbering numbering,
        DeliveryMode deliveryMode,
        @Nullable RelayProfileId relayProfile,
        OutputSettings output,
        @Nullable String schedule) {
    public SaveProxyCommand {
        name = Checks.requireText(name, "name");
        slug = Checks.blankToNull(slug);
        sources = List.copyOf(sources);
        epgSources = List.copyOf(epgSources);
        filters = List.copyOf(filters);
        mappingRules = List.copyOf(mappingRules);
        Checks.requireNonNull(numbering, "numbering");
        Checks.requireNonNull(deliveryMode, "delivery_mode");
        Checks.requireNonNull(output, "output");
    }
}
