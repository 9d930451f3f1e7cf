package io.tvarr.app;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Checks API traffic against the OpenAPI document the server itself serves, with Atlassian's
 * swagger-request-validator. Its releases for Java 17 read OpenAPI 3.0 only, so it reads the 3.0 form the server
 * serves at {@code /openapi-3.0.json}, the document {@code /openapi.json} is converted from. Every response under {@code /api/v1} must match its
 * operation: a documented status, content type and body schema. A request must match its schema whenever the
 * server accepted it (2xx): a body the server takes but the document refuses is a wrong document. Requests the
 * server refused are tests of refusals; they are meant not to match, so only their answer is checked.
 */
final class ServedOpenApi {
    static final String API = "/api/v1/";
    static final String DOCUMENT = "/openapi-3.0.json";

    private final OpenApiInteractionValidator validator;

    ServedOpenApi(String document) {
        this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(document)
                .build();
    }

    static boolean covers(URI uri) {
        return uri.getPath().startsWith(API);
    }

    /**
     * @throws AssertionError naming method, path, status and each schema error when the exchange does not
     *     match the document
     */
    void check(
            HttpRequest request, @Nullable String requestBody, int status, HttpHeaders headers, byte[] responseBody) {
        SimpleRequest apiRequest = toRequest(request, requestBody);
        ValidationReport report = validator.validateResponse(
                apiRequest.getPath(), apiRequest.getMethod(), toResponse(status, headers, responseBody));
        if (status / 100 == 2) {
            report = validator.validateRequest(apiRequest).merge(report);
        }
        if (report.hasErrors()) {
            throw new AssertionError("OpenAPI document does not match " + request.method() + " "
                    + request.uri().getPath() + " -> " + status + ":\n"
                    + report.getMessages().stream()
                            .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                            .map(message -> "  " + message.getKey() + ": " + message.getMessage())
                            .collect(Collectors.joining("\n")));
        }
    }

    private static SimpleRequest toRequest(HttpRequest request, @Nullable String body) {
        URI uri = request.uri();
        SimpleRequest.Builder builder =
                new SimpleRequest.Builder(Request.Method.valueOf(request.method()), uri.getPath());
        request.headers().map().forEach(builder::withHeader);
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                String[] nameValue = pair.split("=", 2);
                builder.withQueryParam(decode(nameValue[0]), nameValue.length == 2 ? decode(nameValue[1]) : "");
            }
        }
        if (body != null) {
            builder.withBody(body);
        }
        return builder.build();
    }

    private static SimpleResponse toResponse(int status, HttpHeaders headers, byte[] body) {
        SimpleResponse.Builder builder = SimpleResponse.Builder.status(status);
        headers.map().forEach(builder::withHeader);
        if (body.length > 0) {
            builder.withBody(body);
        }
        return builder.build();
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
