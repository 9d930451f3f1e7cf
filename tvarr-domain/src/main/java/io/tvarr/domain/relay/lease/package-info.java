/**
 * Connection limits held across the instances sharing one database: provider connections, output users' streams and
 * HDHomeRun tuners leased by slot, renewed by each instance's heartbeat, and ended when lost to another instance.
 * Used by the relay's and the Xtream door's services alike, so it is no feature's service layer.
 */
@NullMarked
package io.tvarr.domain.relay.lease;

import org.jspecify.annotations.NullMarked;
