package io.tvarr.http.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.config.ConfigDocument;

/**
 * The text form of a configuration document: YAML (which also reads JSON) with snake_case keys and lower-case
 * words for choices. Unknown keys, values of the wrong shape and missing required values are refused naming their
 * place ({@code proxies[0].colour: unknown key}). Thread-safe.
 */
public final class ConfigDocuments {
    /** Documents are a few hundred entities; far below this. */
    public static final int MAX_BYTES = 4 * 1024 * 1024;

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS));
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The document as YAML, led by a comment line for each of its warnings (what the export left out). */
    public String yaml(ConfigDocument document) {
        StringBuilder comments = new StringBuilder();
        document.warnings()
                .forEach(w -> comments.append("# warning: ")
                        .append(w.replace('\n', ' '))
                        .append('\n'));
        try {
            return comments + yaml.writeValueAsString(ConfigWriter.document(document));
        } catch (JacksonException e) {
            throw new IllegalStateException("configuration document: cannot be written as YAML", e);
        }
    }

    public String json(ConfigDocument document) {
        try {
            java.util.Map<String, Object> tree = ConfigWriter.document(document);
            if (!document.warnings().isEmpty()) {
                // JSON has no comments: what the export left out goes in a list the reader skips
                tree.put("warnings", document.warnings());
            }
            return json.writeValueAsString(tree);
        } catch (JacksonException e) {
            throw new IllegalStateException("configuration document: cannot be written as JSON", e);
        }
    }

    /** Reads YAML or JSON. @throws ValidationException naming the line, or the place in the document */
    public ConfigDocument read(String text) {
        if (text.length() > MAX_BYTES) {
            throw new ValidationException(
                    "document: " + text.length() + " characters (expected: at most " + MAX_BYTES + ")");
        }
        JsonNode tree;
        try {
            tree = yaml.readTree(text);
        } catch (JacksonException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
            throw new ValidationException(
                    "document: " + where + "not YAML or JSON (" + e.getOriginalMessage() + ")", e);
        }
        if (tree == null || tree.isMissingNode()) {
            throw new ValidationException("document: empty");
        }
        return ConfigReader.document(tree);
    }
}
