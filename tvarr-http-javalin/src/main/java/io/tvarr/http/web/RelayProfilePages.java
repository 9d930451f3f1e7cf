package io.tvarr.http.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.tvarr.domain.ConflictException;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.relay.RelayProfile;
import io.tvarr.domain.relay.RelayProfileId;
import io.tvarr.domain.relay.port.in.ManageRelayProfilesUseCase;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Relay profiles: list, add, edit, delete after a confirmation. A refusal shows the form again with the message at
 * its field; deleting a profile a proxy uses is refused with the domain's message on the confirmation page.
 */
final class RelayProfilePages {
    private static final String PATH = "/relay-profiles";

    private final ManageRelayProfilesUseCase profiles;
    private final Templates templates;
    private final WebAssets assets;

    RelayProfilePages(ManageRelayProfilesUseCase profiles, Templates templates, WebAssets assets) {
        this.profiles = profiles;
        this.templates = templates;
        this.assets = assets;
    }

    void register(RoutesConfig routes) {
        routes.get(PATH, this::list);
        routes.get(PATH + "/new", ctx -> form(ctx, 200, RelayProfileForm.empty(), FormErrors.NONE, null));
        routes.post(PATH, this::create);
        routes.get(PATH + "/{id}/edit", this::editForm);
        routes.post(PATH + "/{id}", this::update);
        routes.get(PATH + "/{id}/delete", this::confirmDelete);
        routes.post(PATH + "/{id}/delete", this::delete);
    }

    void list(Context ctx) {
        templates.render(
                ctx, "relayProfiles.jte", Map.of("layout", layout(ctx, "Relay profiles"), "profiles", profiles.list()));
    }

    void create(Context ctx) {
        RelayProfileForm form = RelayProfileForm.read(ctx);
        try {
            profiles.create(form.toProfile(RelayProfileId.random()));
        } catch (ValidationException | ConflictException e) {
            form(ctx, 400, form, FormErrors.of(e, RelayProfileForm.FIELDS), null);
            return;
        }
        ctx.redirect(PATH, HttpStatus.SEE_OTHER);
    }

    void editForm(Context ctx) {
        RelayProfile profile = profiles.get(RelayProfileId.parse(ctx.pathParam("id")));
        form(
                ctx,
                200,
                RelayProfileForm.of(profile),
                FormErrors.NONE,
                profile.id().toString());
    }

    void update(Context ctx) {
        RelayProfileId id =
                profiles.get(RelayProfileId.parse(ctx.pathParam("id"))).id();
        RelayProfileForm form = RelayProfileForm.read(ctx);
        try {
            profiles.update(form.toProfile(id));
        } catch (ValidationException | ConflictException e) {
            form(ctx, 400, form, FormErrors.of(e, RelayProfileForm.FIELDS), id.toString());
            return;
        }
        ctx.redirect(PATH, HttpStatus.SEE_OTHER);
    }

    void confirmDelete(Context ctx) {
        RelayProfile profile = profiles.get(RelayProfileId.parse(ctx.pathParam("id")));
        confirm(ctx, 200, profile, "");
    }

    void delete(Context ctx) {
        RelayProfile profile = profiles.get(RelayProfileId.parse(ctx.pathParam("id")));
        try {
            profiles.delete(profile.id());
        } catch (ConflictException inUse) {
            confirm(ctx, 409, profile, inUse.getMessage());
            return;
        }
        ctx.redirect(PATH, HttpStatus.SEE_OTHER);
    }

    private void confirm(Context ctx, int status, RelayProfile profile, @Nullable String refusal) {
        Map<String, Object> params = new HashMap<>();
        params.put("layout", layout(ctx, "Delete " + profile.name()));
        params.put("what", "relay profile '" + profile.name() + "'");
        params.put("action", PATH + "/" + profile.id() + "/delete");
        params.put("back", PATH);
        params.put("refusal", refusal == null ? "" : refusal);
        templates.render(ctx, status, "confirmDelete.jte", params);
    }

    private void form(Context ctx, int status, RelayProfileForm form, FormErrors errors, @Nullable String editing) {
        Map<String, Object> params = new HashMap<>();
        params.put("layout", layout(ctx, editing == null ? "Add a relay profile" : "Edit " + form.name()));
        params.put("form", form);
        params.put("errors", errors);
        params.put("action", editing == null ? PATH : PATH + "/" + editing);
        templates.render(ctx, status, "relayProfileForm.jte", params);
    }

    private Layout layout(Context ctx, String title) {
        return Layout.of(ctx, assets, title, "relay-profiles");
    }
}
