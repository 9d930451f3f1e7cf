package io.tvarr.http.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import io.tvarr.domain.NotFoundException;
import io.tvarr.domain.TvarrException;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.proxy.ManualChannel;
import io.tvarr.domain.proxy.StreamProxy;
import io.tvarr.domain.proxy.port.in.ManageManualChannelsUseCase;
import io.tvarr.domain.proxy.port.in.ManageManualChannelsUseCase.ImportedManualChannels;
import io.tvarr.domain.proxy.port.in.ManageProxiesUseCase;
import io.tvarr.http.ApiRoutes;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A proxy's manual channels page, {@code /proxies/{id}/manual-channels}: the channels added by hand, a form to add
 * one or edit one ({@code ?edit=}), removal after a confirmation, an M3U upload to import and a download to export.
 * Registered beside {@link WebRoutes}, with its own use cases.
 */
public final class ManualChannelPages implements ApiRoutes {
    private static final String PATH = "/proxies/{id}/manual-channels";
    private static final Set<String> IMPORT_FIELDS = Set.of("file");

    private final ManageProxiesUseCase proxies;
    private final ManageManualChannelsUseCase manual;
    private final Templates templates = new Templates();
    private final WebAssets assets = WebAssets.fromClassPath();

    public ManualChannelPages(ManageProxiesUseCase proxies, ManageManualChannelsUseCase manual) {
        this.proxies = proxies;
        this.manual = manual;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get(PATH, this::show);
        routes.post(PATH, this::add);
        routes.get(PATH + "/export.m3u", this::export);
        routes.post(PATH + "/import", this::importM3u);
        routes.post(PATH + "/{channelId}", this::edit);
        routes.get(PATH + "/{channelId}/delete", this::confirmDelete);
        routes.post(PATH + "/{channelId}/delete", this::delete);
    }

    void show(Context ctx) {
        StreamProxy proxy = proxy(ctx);
        String edit = ctx.queryParam("edit");
        if (edit == null || edit.isBlank()) {
            render(ctx, 200, proxy, ManualChannelForm.EMPTY, null, FormErrors.NONE, FormErrors.NONE);
            return;
        }
        ManualChannel editing = manual.get(proxy.id(), channelId(edit.strip()));
        render(
                ctx,
                200,
                proxy,
                ManualChannelForm.of(editing),
                editing.id().toString(),
                FormErrors.NONE,
                FormErrors.NONE);
    }

    void add(Context ctx) {
        StreamProxy proxy = proxy(ctx);
        ManualChannelForm form = ManualChannelForm.read(ctx);
        try {
            manual.add(form.toCommand(proxy.id()));
        } catch (ValidationException e) {
            render(ctx, 400, proxy, form, null, FormErrors.of(e, ManualChannelForm.FIELDS), FormErrors.NONE);
            return;
        }
        ctx.redirect(page(proxy), HttpStatus.SEE_OTHER);
    }

    void edit(Context ctx) {
        StreamProxy proxy = proxy(ctx);
        ChannelId channel = channelId(ctx.pathParam("channelId"));
        ManualChannelForm form = ManualChannelForm.read(ctx);
        try {
            manual.update(channel, form.toCommand(proxy.id()));
        } catch (ValidationException e) {
            render(
                    ctx,
                    400,
                    proxy,
                    form,
                    channel.toString(),
                    FormErrors.of(e, ManualChannelForm.FIELDS),
                    FormErrors.NONE);
            return;
        }
        ctx.redirect(page(proxy), HttpStatus.SEE_OTHER);
    }

    void confirmDelete(Context ctx) {
        StreamProxy proxy = proxy(ctx);
        ManualChannel channel = manual.get(proxy.id(), channelId(ctx.pathParam("channelId")));
        templates.render(
                ctx,
                "confirmDelete.jte",
                Map.of(
                        "layout",
                        Layout.of(ctx, assets, "Delete " + channel.name(), "proxies"),
                        "what",
                        "manual channel '" + channel.name() + "' of proxy '" + proxy.name()
                                + "' (it leaves the outputs at the next generation)",
                        "action",
                        page(proxy) + "/" + channel.id() + "/delete",
                        "back",
                        page(proxy)));
    }

    void delete(Context ctx) {
        StreamProxy proxy = proxy(ctx);
        manual.remove(proxy.id(), channelId(ctx.pathParam("channelId")));
        ctx.redirect(page(proxy), HttpStatus.SEE_OTHER);
    }

    void importM3u(Context ctx) {
        StreamProxy proxy = proxy(ctx);
        UploadedFile file = ctx.isMultipartFormData() ? ctx.uploadedFile("file") : null;
        ImportedManualChannels imported;
        try {
            if (file == null) {
                throw new ValidationException("file: choose an M3U playlist to import");
            }
            try (InputStream in = file.content();
                    Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                imported = manual.importM3u(proxy.id(), reader);
            } catch (IOException e) {
                throw new ValidationException("file: the upload could not be read (" + e.getMessage() + ")");
            }
        } catch (ValidationException e) {
            render(ctx, 400, proxy, ManualChannelForm.EMPTY, null, FormErrors.NONE, importErrors(e));
            return;
        }
        ctx.redirect(
                page(proxy) + "?added=" + imported.added() + "&updated=" + imported.updated(), HttpStatus.SEE_OTHER);
    }

    void export(Context ctx) {
        StreamProxy proxy = proxy(ctx);
        StringWriter out = new StringWriter();
        manual.exportM3u(proxy.id(), out);
        ctx.header("Content-Disposition", "attachment; filename=\"" + proxy.slug() + "-manual-channels.m3u\"");
        ctx.contentType("application/x-mpegurl; charset=utf-8").result(out.toString());
    }

    /** An import's refusal is about the uploaded file, whatever line of it the message names. */
    private static FormErrors importErrors(TvarrException e) {
        FormErrors errors = FormErrors.of(e, IMPORT_FIELDS);
        return errors.general() == null ? errors : new FormErrors(Map.of("file", "file: " + errors.general()), null);
    }

    private void render(
            Context ctx,
            int status,
            StreamProxy proxy,
            ManualChannelForm form,
            @Nullable String editing,
            FormErrors errors,
            FormErrors importErrors) {
        Map<String, Object> params = new HashMap<>();
        params.put("layout", Layout.of(ctx, assets, "Manual channels: " + proxy.name(), "proxies"));
        params.put("proxyId", proxy.id().toString());
        params.put("channels", manual.list(proxy.id()));
        params.put("form", form);
        params.put("editing", editing == null ? "" : editing);
        params.put("errors", errors);
        params.put("importErrors", importErrors);
        params.put("imported", imported(ctx));
        templates.render(ctx, status, "manualChannels.jte", params);
    }

    private static String imported(Context ctx) {
        String added = ctx.queryParam("added");
        String updated = ctx.queryParam("updated");
        if (added == null || updated == null || !added.matches("\\d{1,6}") || !updated.matches("\\d{1,6}")) {
            return "";
        }
        return "Imported: " + added + " added, " + updated + " updated.";
    }

    private static ChannelId channelId(String text) {
        try {
            return ChannelId.parse(text);
        } catch (ValidationException e) {
            throw new NotFoundException("manual channel '" + text + "': not found");
        }
    }

    private static String page(StreamProxy proxy) {
        return "/proxies/" + proxy.id() + "/manual-channels";
    }

    private StreamProxy proxy(Context ctx) {
        return proxies.find(ctx.pathParam("id"));
    }
}
