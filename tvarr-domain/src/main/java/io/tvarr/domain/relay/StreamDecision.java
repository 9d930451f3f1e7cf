package io.tvarr.domain.relay;

import io.tvarr.domain.proxy.DeliveryMode;

/** How a channel of a proxy is to be delivered, with what the relay needs if it is involved. */
public record StreamDecision(DeliveryMode mode, StreamPlan plan) {}
