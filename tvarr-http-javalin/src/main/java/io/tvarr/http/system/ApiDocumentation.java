package io.tvarr.http.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.tvarr.domain.StorageException;
import io.tvarr.domain.system.VersionInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Serves the OpenAPI document that the annotation processor wrote into the jar at build time, converted to
 * OpenAPI 3.1 ({@link OpenApi31}), and a Swagger UI page built from the swagger-ui webjar.
 */
public final class ApiDocumentation {
    /** Where javalin-openapi's annotation processor writes the document. */
    static final String GENERATED = "openapi-plugin/openapi-default.json";

    private final String openApi;
    private final String swaggerUi;

    public ApiDocumentation(VersionInfo version, String swaggerUiVersion) {
        this.openApi = withInfo(read(GENERATED), version);
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
        ctx.contentType("application/json").result(openApi);
    }

    void swaggerUi(Context ctx) {
        ctx.html(swaggerUi);
    }

    /** The processor leaves title and version empty; they are only known when the app runs. */
    private static String withInfo(String document, VersionInfo version) {
        try {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode root = (ObjectNode) mapper.readTree(document);
            ObjectNode info = root.withObjectProperty("info");
            info.put("title", "tvarr API");
            info.put("version", version.version());
            info.put("description", "Manage sources, guides, filters, rules and proxies; fetch outputs; watch jobs.");
            OpenApi31.convert(root);
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException("openapi: generated document is not JSON", e);
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
