package io.tvarr.http.web;

import io.tvarr.domain.proxy.port.in.ConfigureGuideMatchingUseCase;
import io.tvarr.domain.proxy.port.in.GenerateProxyUseCase;
import io.tvarr.domain.proxy.port.in.ListGuideMatchesUseCase;
import io.tvarr.domain.proxy.port.in.ManageProxiesUseCase;
import io.tvarr.domain.proxy.port.in.PinGuideChannelUseCase;

/** The use cases the guide matches page calls: the ones {@code GuideMatchRoutes} and the proxy API call. */
public record GuideMatchUseCases(
        ManageProxiesUseCase proxies,
        GenerateProxyUseCase generation,
        ListGuideMatchesUseCase matches,
        PinGuideChannelUseCase pins,
        ConfigureGuideMatchingUseCase settings) {}
