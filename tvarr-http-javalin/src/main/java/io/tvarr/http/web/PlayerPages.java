package io.tvarr.http.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.tvarr.domain.ConflictException;
import io.tvarr.domain.NotFoundException;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.account.OutputUser;
import io.tvarr.domain.account.OutputUserId;
import io.tvarr.domain.account.port.in.ManageOutputUsersUseCase;
import io.tvarr.domain.output.port.in.ManageOutputAccessUseCase;
import io.tvarr.domain.proxy.StreamProxy;
import io.tvarr.domain.proxy.port.in.ManageProxiesUseCase;
import io.tvarr.http.ApiRoutes;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A proxy's players page, {@code /proxies/{id}/players}: who may read its outputs (the output access mode and LAN
 * ranges) and its output users, the Xtream Codes logins (add, change, delete after a confirmation). Passwords are
 * only ever typed in, never shown. Same use cases as {@code /api/v1/proxies/{id}/access} and {@code …/users}.
 */
public final class PlayerPages implements ApiRoutes {
    private static final String PATH = "/proxies/{id}/players";

    private final ManageProxiesUseCase proxies;
    private final ManageOutputUsersUseCase users;
    private final ManageOutputAccessUseCase access;
    private final Templates templates = new Templates();
    private final WebAssets assets = WebAssets.fromClassPath();

    public PlayerPages(ManageProxiesUseCase proxies, ManageOutputUsersUseCase users, ManageOutputAccessUseCase access) {
        this.proxies = proxies;
        this.users = users;
        this.access = access;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get(PATH, this::show);
        routes.post(PATH + "/access", this::changeAccess);
        routes.post(PATH + "/access/token", this::rotateToken);
        routes.post(PATH + "/users", this::create);
        routes.post(PATH + "/users/{userId}", this::update);
        routes.get(PATH + "/users/{userId}/delete", this::confirmDelete);
        routes.post(PATH + "/users/{userId}/delete", this::delete);
    }

    void show(Context ctx) {
        StreamProxy proxy = proxy(ctx);
        String edit = ctx.queryParam("edit");
        if (edit != null && !edit.isBlank()) {
            OutputUser user = user(proxy, edit.strip());
            render(ctx, 200, proxy, user, OutputUserForm.of(user), FormErrors.NONE, null, FormErrors.NONE);
        } else {
            render(ctx, 200, proxy, null, OutputUserForm.empty(), FormErrors.NONE, null, FormErrors.NONE);
        }
    }

    void create(Context ctx) {
        StreamProxy proxy = proxy(ctx);
        OutputUserForm form = OutputUserForm.read(ctx);
        try {
            users.create(proxy.id(), form.toCreate());
        } catch (ValidationException | ConflictException e) {
            render(
                    ctx,
                    400,
                    proxy,
                    null,
                    form.withoutPassword(),
                    FormErrors.of(e, OutputUserForm.FIELDS),
                    null,
                    FormErrors.NONE);
            return;
        }
        ctx.redirect(page(proxy), HttpStatus.SEE_OTHER);
    }

    void update(Context ctx) {
        StreamProxy proxy = proxy(ctx);
        OutputUser user = user(proxy, ctx.pathParam("userId"));
        // the username cannot change: players have it saved
        OutputUserForm typed = OutputUserForm.read(ctx);
        OutputUserForm form =
                new OutputUserForm(user.username(), typed.password(), typed.expiresAt(), typed.maxConnections());
        try {
            users.update(proxy.id(), user.id(), form.toUpdate());
        } catch (ValidationException e) {
            render(
                    ctx,
                    400,
                    proxy,
                    user,
                    form.withoutPassword(),
                    FormErrors.of(e, OutputUserForm.FIELDS),
                    null,
                    FormErrors.NONE);
            return;
        }
        ctx.redirect(page(proxy), HttpStatus.SEE_OTHER);
    }

    void confirmDelete(Context ctx) {
        StreamProxy proxy = proxy(ctx);
        OutputUser user = user(proxy, ctx.pathParam("userId"));
        templates.render(
                ctx,
                "confirmDelete.jte",
                Map.of(
                        "layout",
                        Layout.of(ctx, assets, "Delete " + user.username(), "proxies"),
                        "what",
                        "output user '" + user.username() + "' of proxy '" + proxy.name()
                                + "' (players logged in with it can no longer open the proxy's streams)",
                        "action",
                        page(proxy) + "/users/" + user.id() + "/delete",
                        "back",
                        page(proxy)));
    }

    void delete(Context ctx) {
        StreamProxy proxy = proxy(ctx);
        users.delete(proxy.id(), OutputUserId.parse(ctx.pathParam("userId")));
        ctx.redirect(page(proxy), HttpStatus.SEE_OTHER);
    }

    void changeAccess(Context ctx) {
        StreamProxy proxy = proxy(ctx);
        OutputAccessForm form = OutputAccessForm.read(ctx);
        try {
            access.change(proxy.id(), form.toCommand());
        } catch (ValidationException e) {
            render(ctx, 400, proxy, null, OutputUserForm.empty(), FormErrors.NONE, form, OutputAccessForm.errors(e));
            return;
        }
        ctx.redirect(page(proxy), HttpStatus.SEE_OTHER);
    }

    void rotateToken(Context ctx) {
        StreamProxy proxy = proxy(ctx);
        try {
            access.rotateToken(proxy.id());
        } catch (ConflictException e) {
            render(
                    ctx,
                    409,
                    proxy,
                    null,
                    OutputUserForm.empty(),
                    FormErrors.NONE,
                    null,
                    new FormErrors(Map.of(), e.getMessage()));
            return;
        }
        ctx.redirect(page(proxy), HttpStatus.SEE_OTHER);
    }

    private void render(
            Context ctx,
            int status,
            StreamProxy proxy,
            @Nullable OutputUser editing,
            OutputUserForm userForm,
            FormErrors userErrors,
            @Nullable OutputAccessForm accessForm,
            FormErrors accessErrors) {
        var current = access.read(proxy.id());
        Map<String, Object> params = new HashMap<>();
        params.put("layout", Layout.of(ctx, assets, "Players: " + proxy.name(), "proxies"));
        params.put("proxyId", proxy.id().toString());
        params.put("access", current);
        params.put("urls", access.urls(proxy.id()));
        params.put("accessForm", accessForm != null ? accessForm : OutputAccessForm.of(current));
        params.put("accessErrors", accessErrors);
        params.put("users", users.list(proxy.id()));
        params.put("editing", editing == null ? "" : editing.id().toString());
        params.put("userForm", userForm);
        params.put("userErrors", userErrors);
        templates.render(ctx, status, "players.jte", params);
    }

    private OutputUser user(StreamProxy proxy, String id) {
        OutputUserId userId = OutputUserId.parse(id);
        return users.list(proxy.id()).stream()
                .filter(u -> u.id().equals(userId))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("user " + id + " of proxy " + proxy.id() + ": not found"));
    }

    private static String page(StreamProxy proxy) {
        return "/proxies/" + proxy.id() + "/players";
    }

    private StreamProxy proxy(Context ctx) {
        return proxies.find(ctx.pathParam("id"));
    }
}
