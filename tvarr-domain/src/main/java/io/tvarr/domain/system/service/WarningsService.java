package io.tvarr.domain.system.service;

import io.tvarr.domain.epg.EpgSource;
import io.tvarr.domain.epg.port.out.EpgRepository;
import io.tvarr.domain.epg.port.out.EpgSourceRepository;
import io.tvarr.domain.logo.port.in.BrowseLogosUseCase;
import io.tvarr.domain.proxy.GenerationReport;
import io.tvarr.domain.proxy.StreamProxy;
import io.tvarr.domain.proxy.port.in.GenerateProxyUseCase;
import io.tvarr.domain.proxy.port.in.ManageProxiesUseCase;
import io.tvarr.domain.relay.UpstreamHealth;
import io.tvarr.domain.relay.port.in.InspectRelayUseCase;
import io.tvarr.domain.system.Warning;
import io.tvarr.domain.system.WarningKind;
import io.tvarr.domain.system.port.in.ListWarningsUseCase;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Gathers the warnings from the guides' stored programmes, the proxies' last generation reports and the relay's
 * circuit breakers. A guide is asked only for what is on air now: one row per guide channel, not its whole week.
 */
public final class WarningsService implements ListWarningsUseCase {
    private final EpgSourceRepository guides;
    private final EpgRepository programmes;
    private final ManageProxiesUseCase proxies;
    private final GenerateProxyUseCase generation;
    private final InspectRelayUseCase relay;
    private final BrowseLogosUseCase logos;
    private final Clock clock;

    public WarningsService(
            EpgSourceRepository guides,
            EpgRepository programmes,
            ManageProxiesUseCase proxies,
            GenerateProxyUseCase generation,
            InspectRelayUseCase relay,
            BrowseLogosUseCase logos,
            Clock clock) {
        this.guides = guides;
        this.programmes = programmes;
        this.proxies = proxies;
        this.generation = generation;
        this.relay = relay;
        this.logos = logos;
        this.clock = clock;
    }

    @Override
    public List<Warning> warnings() {
        List<Warning> warnings = new ArrayList<>();
        Instant now = clock.instant();
        for (EpgSource guide : guides.findAll()) {
            if (!hasProgrammeOnAir(guide, now)) {
                long stored = programmes.countProgrammes(guide.id());
                warnings.add(new Warning(
                        WarningKind.GUIDE_WITHOUT_PROGRAMMES,
                        guide.id().toString(),
                        guide.name(),
                        stored == 0
                                ? "no programmes stored: refresh the guide and read its report"
                                : stored + " programmes stored, none on air now: the guide is out of date"));
            }
        }
        for (StreamProxy proxy : proxies.list()) {
            Optional<GenerationReport> report = generation.status(proxy.id()).report();
            if (report.isPresent() && report.get().unmatchedCount() > 0) {
                warnings.add(new Warning(
                        WarningKind.CHANNELS_WITHOUT_GUIDE,
                        proxy.id().toString(),
                        proxy.name(),
                        report.get().unmatchedCount() + " channels without a guide channel in the last generation"));
            }
        }
        for (UpstreamHealth host : relay.upstreams().hosts()) {
            if (!"closed".equals(host.breaker())) {
                warnings.add(new Warning(
                        WarningKind.CIRCUIT_OPEN,
                        host.host(),
                        host.host(),
                        "circuit breaker " + host.breaker().replace('_', '-')
                                + ": the relay stopped calling this provider after failures"));
            }
        }
        long failedLogos = logos.failedCount();
        if (failedLogos > 0) {
            warnings.add(new Warning(
                    WarningKind.FAILED_LOGOS,
                    "logos",
                    "Logos",
                    failedLogos + (failedLogos == 1 ? " logo" : " logos")
                            + " could not be downloaded: the logos page lists them with the reason"));
        }
        return warnings;
    }

    private boolean hasProgrammeOnAir(EpgSource guide, Instant now) {
        AtomicBoolean found = new AtomicBoolean();
        programmes.forEachOnAir(List.of(guide.id()), now, programme -> found.set(true));
        return found.get();
    }
}
