package io.tvarr.domain.xtream.service;

import io.tvarr.domain.Checks;
import io.tvarr.domain.NotFoundException;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.account.OutputUser;
import io.tvarr.domain.account.port.in.LogInOutputUserUseCase;
import io.tvarr.domain.account.port.in.Login;
import io.tvarr.domain.output.CidrRange;
import io.tvarr.domain.output.OutputGrant;
import io.tvarr.domain.output.port.in.AuthorizeOutputUseCase;
import io.tvarr.domain.relay.ClientInfo;
import io.tvarr.domain.relay.lease.SharedConnectionLimits;
import io.tvarr.domain.relay.port.in.PlayChannelCommand;
import io.tvarr.domain.relay.port.in.PlayChannelUseCase;
import io.tvarr.domain.relay.port.in.Playback;
import io.tvarr.domain.xtream.XtreamChannel;
import io.tvarr.domain.xtream.XtreamLogin;
import io.tvarr.domain.xtream.XtreamPlay;
import io.tvarr.domain.xtream.port.in.LogInXtreamUseCase;
import io.tvarr.domain.xtream.port.in.PlayXtreamChannelCommand;
import io.tvarr.domain.xtream.port.in.PlayXtreamChannelUseCase;
import io.tvarr.domain.xtream.port.in.ReadXtreamLineupUseCase;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Xtream door's accounts: logins through the output users, and playback of the user's proxy through the relay
 * with the user's connection limit on top of the provider limits. A redirect holds one of the user's connections as a
 * lease per player (client address), renewed by the player's next request, since tvarr never sees it stop. With
 * other instances on the database, the user's limit holds across them (see {@link UserConnections}). Thread-safe.
 */
public final class XtreamAccounts implements LogInXtreamUseCase, PlayXtreamChannelUseCase {
    private static final Logger log = LoggerFactory.getLogger(XtreamAccounts.class);

    private final LogInOutputUserUseCase logins;
    private final ReadXtreamLineupUseCase lineups;
    private final PlayChannelUseCase channels;
    private final AuthorizeOutputUseCase access;
    private final UserConnections connections;
    private final Duration redirectLease;

    /**
     * @param redirectLease how long a redirect holds one of the user's connections (tvarr never sees a redirected
     *     player stop): the same player (client address) asking again renews it, whatever it asks for; zero leaves
     *     redirects outside the user's limit
     */
    public XtreamAccounts(
            LogInOutputUserUseCase logins,
            ReadXtreamLineupUseCase lineups,
            PlayChannelUseCase channels,
            AuthorizeOutputUseCase access,
            Clock clock,
            Duration redirectLease) {
        this(logins, lineups, channels, access, clock, redirectLease, null);
    }

    /**
     * @param shared the output users' limits across instances: each connection also takes one of the user's leases;
     *     null when this instance is alone on its database
     */
    public XtreamAccounts(
            LogInOutputUserUseCase logins,
            ReadXtreamLineupUseCase lineups,
            PlayChannelUseCase channels,
            AuthorizeOutputUseCase access,
            Clock clock,
            Duration redirectLease,
            @Nullable SharedConnectionLimits shared) {
        Checks.requireNonNull(redirectLease, "redirect_lease");
        if (redirectLease.isNegative()) {
            throw new ValidationException("redirect_lease: " + redirectLease + " (expected: zero or more)");
        }
        this.connections = new UserConnections(clock, shared);
        this.redirectLease = redirectLease;
        this.access = access;
        this.logins = logins;
        this.lineups = lineups;
        this.channels = channels;
    }

    @Override
    public XtreamLogin logIn(String username, String password) {
        Login login = logins.logIn(username, password);
        if (login instanceof Login.Granted granted) {
            return new XtreamLogin.Granted(granted.user(), connections.active(granted.user()));
        }
        if (login instanceof Login.Expired expired) {
            return new XtreamLogin.Expired(expired.user());
        }
        return new XtreamLogin.Refused();
    }

    @Override
    public XtreamPlay play(PlayXtreamChannelCommand command) {
        String key = "live/" + command.streamId() + "/" + command.client().address();
        return admit(command.username(), command.password(), command.client(), key, user -> {
            XtreamChannel channel = lineups.findChannel(user.proxy(), command.streamId())
                    .orElseThrow(() -> new NotFoundException("stream " + command.streamId() + ": not in the lineup"));
            return channels.play(new PlayChannelCommand(
                    user.proxy().toString(), channel.channelId().toString(), command.client()));
        });
    }

    /**
     * Logs the user in, checks the client's network and the user's limit, then plays what {@code play} resolves for
     * the user; a stream it answers holds one of the user's connections while it transfers. Shared by every stream
     * path of the door, so that one limit counts live, VOD and timeshift streams together.
     */
    XtreamPlay admit(String username, String password, ClientInfo clientInfo, Function<OutputUser, Playback> play) {
        return admit(username, password, clientInfo, "stream/" + UUID.randomUUID(), play);
    }

    /**
     * As {@link #admit(String, String, ClientInfo, Function)}, for requests that share one connection under {@code
     * key}: a file's answers hold it while open, and a request whose key is held already is admitted at the limit
     * (a player seeking in the movie it plays).
     */
    XtreamPlay admit(
            String username, String password, ClientInfo clientInfo, String key, Function<OutputUser, Playback> play) {
        Login login = logins.logIn(username, password);
        if (login instanceof Login.Expired) {
            return new XtreamPlay.Expired();
        }
        if (!(login instanceof Login.Granted granted)) {
            log.info("xtream login refused username={} client={}", username, clientInfo.address());
            return new XtreamPlay.Refused();
        }
        OutputUser user = granted.user();
        // after the login, so that from outside a refusal does not tell which usernames exist
        InetAddress client = CidrRange.parseAddress(clientInfo.address(), "client");
        if (access.authorizeAccount(user.proxy(), client) instanceof OutputGrant.Refused refused) {
            log.info(
                    "xtream client outside allowed ranges username={} client={}",
                    user.username(),
                    client.getHostAddress());
            return new XtreamPlay.OutsideRanges(refused.detail());
        }
        String lease = leaseKey(clientInfo);
        if (!connections.admits(user, key) && !connections.admits(user, lease)) {
            log.info("xtream user limit reached username={} max={}", user.username(), user.maxConnections());
            return new XtreamPlay.LimitReached(user.username(), user.maxConnections());
        }
        Playback playback = play.apply(user);
        if (!(playback instanceof Playback.Redirect)) {
            // the player moved on from what it was redirected to: it plays one stream at a time
            connections.endLease(user.id(), lease);
        }
        if (playback instanceof Playback.Stream stream) {
            return new XtreamPlay.Playing(new LimitedStream(stream, user, connections));
        }
        if (playback instanceof Playback.File file) {
            return new XtreamPlay.Playing(new LimitedFile(file, user, key, connections));
        }
        if (playback instanceof Playback.Redirect
                && !redirectLease.isZero()
                && !connections.lease(user, lease, redirectLease)) {
            log.info("xtream user limit reached username={} max={}", user.username(), user.maxConnections());
            return new XtreamPlay.LimitReached(user.username(), user.maxConnections());
        }
        return new XtreamPlay.Playing(playback);
    }

    /** One lease per player: a redirected player plays one stream at a time, so its next request replaces it. */
    private static String leaseKey(ClientInfo client) {
        return "redirect/" + client.address();
    }
}
