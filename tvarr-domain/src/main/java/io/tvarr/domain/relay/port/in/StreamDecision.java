package io.tvarr.domain.relay.port.in;

import io.tvarr.domain.proxy.DeliveryMode;
import io.tvarr.domain.relay.StreamPlan;

/** How a channel of a proxy is to be delivered, with what the relay needs if it is involved. */
public record StreamDecision(DeliveryMode mode, StreamPlan plan) {}
