package io.tvarr.domain.xtream.service;

import static io.tvarr.domain.TestData.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tvarr.domain.NotFoundException;
import io.tvarr.domain.UnavailableException;
import io.tvarr.domain.account.OutputUser;
import io.tvarr.domain.account.OutputUserId;
import io.tvarr.domain.account.port.in.Login;
import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.output.OutputGrant;
import io.tvarr.domain.output.port.in.AuthorizeOutputUseCase;
import io.tvarr.domain.output.port.in.OutputRequest;
import io.tvarr.domain.proxy.ProxyId;
import io.tvarr.domain.relay.ClientInfo;
import io.tvarr.domain.relay.InMemoryConnectionLeases;
import io.tvarr.domain.relay.lease.SharedConnectionLimits;
import io.tvarr.domain.relay.port.in.Playback;
import io.tvarr.domain.xtream.XtreamChannel;
import io.tvarr.domain.xtream.XtreamLogin;
import io.tvarr.domain.xtream.XtreamPlay;
import io.tvarr.domain.xtream.port.in.PlayXtreamChannelCommand;
import io.tvarr.domain.xtream.port.in.ReadXtreamLineupUseCase;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class XtreamAccountsTest {
    private static final ClientInfo CLIENT = new ClientInfo("10.0.0.2", "TiviMate");
    private static final ClientInfo OTHER_PLAYER = new ClientInfo("10.0.0.3", "VLC");

    private final OutputUser alice =
            new OutputUser(OutputUserId.random(), ProxyId.random(), "alice", "hash", null, 1, T0);
    private final XtreamChannel channel = new XtreamChannel(
            42, ChannelId.parse("00000000-0000-0000-0000-00000000002a"), 1, "BBC One", "UK", null, null, null);
    private static final Duration LEASE = Duration.ofSeconds(60);
    private final Runnable[] duringTransfer = {() -> {}};
    /** What the fake stream writes, after running {@link #duringTransfer}; nothing unless a test sets it. */
    private Writes writesDuringTransfer = out -> {};

    private interface Writes {
        void to(OutputStream out) throws java.io.IOException;
    }

    private final MutableClock clock = new MutableClock(T0);
    private boolean redirect;
    private final XtreamAccounts accounts = new XtreamAccounts(
            (username, password) -> password.equals("secret1") ? new Login.Granted(alice) : new Login.Refused(),
            new OneChannel(),
            command -> redirect ? new Playback.Redirect("http://provider.example/live/u/p/42.ts") : new FakeStream(),
            new AccountGate(),
            clock,
            Duration.ofMinutes(120));
    private OutputGrant accountGrant = new OutputGrant.Granted(alice.proxy());

    @Test
    void a_stream_holds_one_of_the_users_connections_only_while_it_transfers() throws Exception {
        Playback.Stream stream = playing(accounts.play(command("secret1")));
        assertThat(activeConnections()).isZero();

        int[] during = {-1};
        duringTransfer[0] = () -> during[0] = activeConnections();
        stream.transferTo(new ByteArrayOutputStream(), () -> {});

        assertThat(during[0]).isEqualTo(1);
        assertThat(activeConnections()).isZero();
    }

    @Test
    void the_users_limit_refuses_a_second_stream_while_the_first_plays() throws Exception {
        Playback.Stream first = playing(accounts.play(command("secret1")));
        Playback.Stream second = playing(accounts.play(command("secret1")));
        XtreamPlay[] third = new XtreamPlay[1];
        Exception[] refused = new Exception[1];
        duringTransfer[0] = () -> {
            third[0] = accounts.play(command("secret1"));
            try {
                second.transferTo(new ByteArrayOutputStream(), () -> {});
            } catch (Exception e) {
                refused[0] = e;
            }
        };

        first.transferTo(new ByteArrayOutputStream(), () -> {});

        assertThat(third[0]).isEqualTo(new XtreamPlay.LimitReached("alice", 1));
        assertThat(refused[0])
                .isInstanceOf(UnavailableException.class)
                .hasMessage("user 'alice': all 1 connection(s) in use");
    }

    @Nested
    class A_redirecting_proxy {
        A_redirecting_proxy() {
            redirect = true;
        }

        @Test
        void holds_a_connection_for_the_lease_after_each_redirect() {
            XtreamPlay first = accounts.play(command("secret1"));

            assertThat(first).isInstanceOf(XtreamPlay.Playing.class);
            assertThat(activeConnections()).isEqualTo(1);
            assertThat(accounts.play(command("secret1", OTHER_PLAYER)))
                    .as("another player of alice's, over her one connection")
                    .isEqualTo(new XtreamPlay.LimitReached("alice", 1));
        }

        @Test
        void lets_the_same_player_zap_and_renews_its_lease() {
            accounts.play(command("secret1"));
            clock.advance(Duration.ofMinutes(100));

            XtreamPlay zapped = accounts.play(new PlayXtreamChannelCommand("alice", "secret1", 43, CLIENT));
            clock.advance(Duration.ofMinutes(100));

            assertThat(zapped).isInstanceOf(XtreamPlay.Playing.class);
            assertThat(activeConnections())
                    .as("renewed 100 minutes ago, for 120")
                    .isEqualTo(1);
            assertThat(accounts.play(command("secret1", OTHER_PLAYER)))
                    .isEqualTo(new XtreamPlay.LimitReached("alice", 1));
        }

        @Test
        void frees_the_connection_when_the_lease_runs_out() {
            accounts.play(command("secret1"));
            clock.advance(Duration.ofMinutes(120));

            assertThat(activeConnections()).isZero();
            assertThat(accounts.play(command("secret1", OTHER_PLAYER))).isInstanceOf(XtreamPlay.Playing.class);
        }

        @Test
        void a_player_that_moves_on_to_a_relayed_stream_gives_its_lease_up() throws Exception {
            accounts.play(command("secret1"));
            redirect = false;

            Playback.Stream relayed = playing(accounts.play(command("secret1")));
            relayed.transferTo(new ByteArrayOutputStream(), () -> {});

            assertThat(activeConnections()).isZero();
        }

        @Test
        void a_zero_lease_leaves_redirects_outside_the_limit() {
            XtreamAccounts unleased = new XtreamAccounts(
                    (username, password) -> new Login.Granted(alice),
                    new OneChannel(),
                    command -> new Playback.Redirect("http://provider.example/live/u/p/42.ts"),
                    new AccountGate(),
                    clock,
                    Duration.ZERO);

            unleased.play(command("secret1"));

            assertThat(unleased.play(command("secret1", OTHER_PLAYER))).isInstanceOf(XtreamPlay.Playing.class);
        }
    }

    @Nested
    class Across_instances {
        private final InMemoryConnectionLeases leases = new InMemoryConnectionLeases();
        private final SharedConnectionLimits limitsOfA = new SharedConnectionLimits(leases, "a", LEASE, clock);
        private final XtreamAccounts a = instance(limitsOfA);
        private final XtreamAccounts b = instance(new SharedConnectionLimits(leases, "b", LEASE, clock));

        private XtreamAccounts instance(SharedConnectionLimits limits) {
            return new XtreamAccounts(
                    (username, password) -> new Login.Granted(alice),
                    new OneChannel(),
                    command -> redirect ? new Playback.Redirect("http://provider.example/42.ts") : new FakeStream(),
                    new AccountGate(),
                    clock,
                    Duration.ofMinutes(120),
                    limits);
        }

        @Test
        void a_stream_on_one_instance_uses_the_users_one_connection_on_every_instance() throws Exception {
            Playback.Stream first = playing(a.play(command("secret1")));
            XtreamPlay[] onB = new XtreamPlay[1];
            int[] activeOnB = {-1};
            duringTransfer[0] = () -> {
                onB[0] = b.play(command("secret1", OTHER_PLAYER));
                activeOnB[0] = ((XtreamLogin.Granted) b.logIn("alice", "secret1")).activeConnections();
            };

            first.transferTo(new ByteArrayOutputStream(), () -> {});

            assertThat(onB[0]).isEqualTo(new XtreamPlay.LimitReached("alice", 1));
            assertThat(activeOnB[0]).isEqualTo(1);
            assertThat(leases.rows).isEmpty();
        }

        @Test
        void a_transfer_that_lost_the_race_on_another_instance_is_refused_naming_the_holder() throws Exception {
            Playback.Stream onA = playing(a.play(command("secret1")));
            Playback.Stream onB = playing(b.play(command("secret1", OTHER_PLAYER)));
            Exception[] refused = new Exception[1];
            duringTransfer[0] = () -> {
                try {
                    onB.transferTo(new ByteArrayOutputStream(), () -> {});
                } catch (Exception e) {
                    refused[0] = e;
                }
            };

            onA.transferTo(new ByteArrayOutputStream(), () -> {});

            assertThat(refused[0])
                    .isInstanceOf(UnavailableException.class)
                    .hasMessage("user 'alice': all 1 connection(s) in use");
        }

        @Test
        void a_redirects_lease_is_given_back_by_the_heartbeat_once_it_ran_out() {
            redirect = true;
            assertThat(a.play(command("secret1"))).isInstanceOf(XtreamPlay.Playing.class);
            assertThat(b.play(command("secret1", OTHER_PLAYER))).isEqualTo(new XtreamPlay.LimitReached("alice", 1));

            clock.advance(Duration.ofMinutes(120));
            limitsOfA.heartbeat();

            assertThat(leases.rows).isEmpty();
            assertThat(b.play(command("secret1", OTHER_PLAYER))).isInstanceOf(XtreamPlay.Playing.class);
        }

        @Test
        void a_stream_whose_lease_another_instance_took_over_is_ended() throws Exception {
            Playback.Stream onA = playing(a.play(command("secret1")));
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            Exception[] ended = new Exception[1];
            writesDuringTransfer = out -> {
                out.write(1);
                leases.takeOver("a", "b", clock.instant().plus(LEASE));
                limitsOfA.heartbeat();
                try {
                    out.write(2);
                } catch (java.io.IOException e) {
                    ended[0] = e;
                }
            };

            onA.transferTo(received, () -> {});
            assertThat(received.toByteArray()).containsExactly(1);
            assertThat(ended[0])
                    .hasMessage("user 'alice': stream ended, its connection is held by another tvarr instance now");
        }
    }

    @Test
    void a_wrong_password_is_refused_before_anything_is_looked_up() {
        assertThat(accounts.play(command("wrong"))).isEqualTo(new XtreamPlay.Refused());
    }

    @Test
    void a_client_outside_the_proxys_networks_is_refused_after_the_login() {
        accountGrant = new OutputGrant.Refused(OutputGrant.Refusal.OUTSIDE_RANGES, "client 203.0.113.9: outside");

        assertThat(accounts.play(command("secret1")))
                .isEqualTo(new XtreamPlay.OutsideRanges("client 203.0.113.9: outside"));
        assertThat(accounts.play(command("wrong"))).isEqualTo(new XtreamPlay.Refused());
    }

    @Test
    void a_stream_id_not_in_the_lineup_is_not_found() {
        assertThatThrownBy(() -> accounts.play(new PlayXtreamChannelCommand("alice", "secret1", 7, CLIENT)))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("stream 7: not in the lineup");
    }

    private int activeConnections() {
        return ((XtreamLogin.Granted) accounts.logIn("alice", "secret1")).activeConnections();
    }

    private static PlayXtreamChannelCommand command(String password) {
        return command(password, CLIENT);
    }

    private static PlayXtreamChannelCommand command(String password, ClientInfo client) {
        return new PlayXtreamChannelCommand("alice", password, 42, client);
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static Playback.Stream playing(XtreamPlay play) {
        return (Playback.Stream) ((XtreamPlay.Playing) play).playback();
    }

    private final class FakeStream implements Playback.Stream {
        @Override
        public String contentType() {
            return "video/mp2t";
        }

        @Override
        public void transferTo(OutputStream out, Runnable beforeFirstBytes) throws java.io.IOException {
            beforeFirstBytes.run();
            duringTransfer[0].run();
            writesDuringTransfer.to(out);
        }
    }

    /** Answers the Xtream door's one question with what the test set; the path doors are not asked here. */
    private final class AccountGate implements AuthorizeOutputUseCase {
        @Override
        public OutputGrant authorize(OutputRequest request) {
            throw new AssertionError("the Xtream door names no proxy in the path");
        }

        @Override
        public OutputGrant authorizeAccount(ProxyId proxy, InetAddress client) {
            assertThat(proxy).isEqualTo(alice.proxy());
            assertThat(client.getHostAddress()).isIn(CLIENT.address(), OTHER_PLAYER.address());
            return accountGrant;
        }

        @Override
        public boolean mayReadLogos(@Nullable String token, InetAddress client) {
            throw new AssertionError("no logos here");
        }
    }

    private final class OneChannel implements ReadXtreamLineupUseCase {
        @Override
        public boolean isPublished(ProxyId proxy) {
            return true;
        }

        @Override
        public void forEachChannel(ProxyId proxy, Consumer<XtreamChannel> sink) {
            sink.accept(channel);
        }

        @Override
        public Optional<XtreamChannel> findChannel(ProxyId proxy, int streamId) {
            if (streamId == 43) {
                return Optional.of(new XtreamChannel(
                        43, ChannelId.parse("00000000-0000-0000-0000-00000000002b"), 2, "ITV", "UK", null, null, null));
            }
            return streamId == channel.streamId() ? Optional.of(channel) : Optional.empty();
        }
    }
}
