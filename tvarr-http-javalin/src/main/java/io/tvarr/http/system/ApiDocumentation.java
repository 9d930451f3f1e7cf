package io.tvarr.http.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.tvarr.domain.StorageException;
import io.tvarr.domain.system.VersionInfo;
import io.tvarr.http.problem.ProblemResponses;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Serves the OpenAPI document that the annotation processor wrote into the jar at build time: as OpenAPI 3.1
 * ({@link OpenApi31}) at {@code /openapi.json}, and as the processor's OpenAPI 3.0 at {@code /openapi-3.0.json}
 * for tools that do not read 3.1 yet; and a Swagger UI page built from the swagger-ui webjar.
 */
public final class ApiDocumentation {
    /** Where javalin-openapi's annotation processor writes the document. */
    static final String GENERATED = "openapi-plugin/openapi-default.json";

    private static final String BEARER = "apiKey";
    private static final String SESSION = "session";
    /** API operations anyone may call: logging in and first-start setup. */
    private static final java.util.Set<String> OPEN_OPERATIONS =
            java.util.Set.of("/api/v1/auth/login", "/api/v1/auth/setup");

    /** Both forms of the document, written when first asked for: reading and rewriting it slowed every start. */
    private record Documents(String openApi30, String openApi) {}

    private final VersionInfo version;
    private final String swaggerUi;
    private @Nullable Documents documents;

    public ApiDocumentation(VersionInfo version, String swaggerUiVersion) {
        this.version = version;
        this.swaggerUi = """
                <!doctype html>
                <html lang="en">
                <head>
                  <meta charset="utf-8">
                  <title>tvarr API</title>
                  <link rel="stylesheet" href="/webjars/swagger-ui/%1$s/swagger-ui.css">
                </head>
                <body>
                  <div id="swagger-ui"></div>
                  <script src="/webjars/swagger-ui/%1$s/swagger-ui-bundle.js"></script>
                  <script>window.ui = SwaggerUIBundle({url: "/openapi.json", dom_id: "#swagger-ui"});</script>
                </body>
                </html>
                """.formatted(swaggerUiVersion);
    }

    void openApi(Context ctx) {
        ctx.contentType("application/json").result(documents().openApi());
    }

    void openApi30(Context ctx) {
        ctx.contentType("application/json").result(documents().openApi30());
    }

    private synchronized Documents documents() {
        if (documents == null) {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode document = withInfo(mapper, read(GENERATED), version);
            documents = new Documents(write(mapper, document), write(mapper, OpenApi31.convert(document)));
        }
        return documents;
    }

    void swaggerUi(Context ctx) {
        ctx.html(swaggerUi);
    }

    /** The processor leaves title and version empty; they are only known when the app runs. */
    private static ObjectNode withInfo(ObjectMapper mapper, String document, VersionInfo version) {
        try {
            ObjectNode root = (ObjectNode) mapper.readTree(document);
            ObjectNode info = root.withObjectProperty("info");
            info.put("title", "tvarr API");
            info.put("version", version.version());
            info.put("description", "Manage sources, guides, filters, rules and proxies; fetch outputs; watch jobs.");
            lowerCaseEnums(root);
            problemsByDefault(root);
            security(root);
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException("openapi: generated document is not JSON", e);
        }
    }

    /**
     * The processor lists an enum's constant names; the API reads and writes them in lower case
     * ({@link io.tvarr.http.EnumParam}), so the document does too.
     */
    private static void lowerCaseEnums(ObjectNode document) {
        document.path("components").path("schemas").forEach(schema -> {
            if (schema.path("enum") instanceof ArrayNode values
                    && schema.path("type").asText().equals("string")) {
                for (int i = 0; i < values.size(); i++) {
                    values.set(i, values.get(i).asText().toLowerCase(Locale.ROOT));
                }
            }
        });
    }

    /**
     * Any API call may fail with a problem that its annotations do not list: a body that is not JSON (415) or too
     * large (413), a cross-site write (403), an unknown id (404), storage down (503). {@code ProblemResponses}
     * answers them all the same way for every route, so the document says it once, as each operation's default.
     */
    private static void problemsByDefault(ObjectNode document) {
        document.path("paths").properties().forEach(path -> {
            if (path.getKey().startsWith("/api/")) {
                path.getValue().forEach(operation -> {
                    if (operation.path("responses") instanceof ObjectNode responses && !responses.has("default")) {
                        ObjectNode problem = responses.putObject("default");
                        problem.put("description", "A problem (RFC 9457) saying what went wrong");
                        problem.putObject("content")
                                .putObject(ProblemResponses.CONTENT_TYPE)
                                .putObject("schema")
                                .put("$ref", "#/components/schemas/Problem");
                    }
                });
            }
        });
    }

    /**
     * The admin gate ({@code io.tvarr.http.auth.AdminGate}) guards every API route but login and first-start setup:
     * an API key as a bearer token, or the session cookie of a login (whose changes also carry the CSRF header).
     */
    private static void security(ObjectNode document) {
        ObjectNode schemes = document.withObjectProperty("components").withObjectProperty("securitySchemes");
        schemes.putObject(BEARER)
                .put("type", "http")
                .put("scheme", "bearer")
                .put(
                        "description",
                        "An API key made with POST /api/v1/api-keys, sent as 'Authorization: Bearer tvarr_…'. Scope"
                                + " read may GET; scope admin may also change.");
        schemes.putObject(SESSION)
                .put("type", "apiKey")
                .put("in", "cookie")
                .put("name", "tvarr_session")
                .put(
                        "description",
                        "The cookie POST /api/v1/auth/login sets. Changes made with it must send the session's CSRF"
                                + " token as X-CSRF-Token.");
        document.path("paths").properties().forEach(path -> {
            boolean open = OPEN_OPERATIONS.contains(path.getKey());
            if (path.getKey().startsWith("/api/")) {
                path.getValue().forEach(operation -> {
                    if (operation instanceof ObjectNode op) {
                        ArrayNode security = op.putArray("security");
                        if (!open) {
                            security.addObject().putArray(BEARER);
                            security.addObject().putArray(SESSION);
                        }
                    }
                });
            }
        });
    }

    private static String write(ObjectMapper mapper, ObjectNode document) {
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(document);
        } catch (IOException e) {
            throw new UncheckedIOException("openapi: document cannot be written", e);
        }
    }

    private static String read(String resource) {
        try (InputStream in = ApiDocumentation.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new StorageException(
                        "openapi: " + resource + " is missing from the build", new IllegalStateException(resource));
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("openapi: cannot read " + resource, e);
        }
    }
}
