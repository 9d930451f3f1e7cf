package io.tvarr.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.tvarr.domain.ValidationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads configuration in layers: defaults, then the YAML file, then {@code TVARR_*} environment variables, then
 * command-line flags. Unknown keys and wrong types fail with the key and the reason.
 */
public final class ConfigLoader {
    static final Path DEFAULT_FILE = Path.of("tvarr.yaml");

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

    /**
     * @param file the --config file; null uses ./tvarr.yaml when it exists
     * @param environment the process environment (a map, so tests need not touch the real one)
     * @param flags values given on the command line, by key
     */
    public TvarrConfig load(@Nullable Path file, Map<String, String> environment, Map<ConfigKey, String> flags) {
        Map<ConfigKey, String> values = new EnumMap<>(ConfigKey.class);
        for (ConfigKey key : ConfigKey.values()) {
            values.put(key, key.defaultValue());
        }
        Path source = file != null ? file : Files.isRegularFile(DEFAULT_FILE) ? DEFAULT_FILE : null;
        if (source != null) {
            readYaml(source, values);
        }
        for (ConfigKey key : ConfigKey.values()) {
            String fromEnvironment = environment.get(key.environmentVariable());
            if (fromEnvironment != null) {
                values.put(key, fromEnvironment);
            }
        }
        values.putAll(flags);
        return TvarrConfig.from(values);
    }

    private void readYaml(Path file, Map<ConfigKey, String> values) {
        if (!Files.isRegularFile(file)) {
            throw new ValidationException("--config: " + file + " does not exist or is not a file");
        }
        JsonNode root;
        try {
            root = yaml.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new ValidationException(file + (at == null ? "" : ":" + at.getLineNr()) + ": not valid YAML ("
                    + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new ValidationException(file + ": cannot be read (" + e.getMessage() + ")");
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return;
        }
        if (!root.isObject()) {
            throw new ValidationException(file + ": expected a mapping of keys at the top level");
        }
        flatten("", root, values, file);
    }

    private static void flatten(String prefix, JsonNode node, Map<ConfigKey, String> values, Path file) {
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = prefix + field.getKey();
            JsonNode value = field.getValue();
            if (value.isObject()) {
                flatten(key + ".", value, values, file);
                continue;
            }
            ConfigKey known = ConfigKey.byKey(key)
                    .orElseThrow(() -> new ValidationException(
                            file + ": unknown key '" + key + "' (did you mean '" + ConfigKey.closestTo(key) + "'?)"));
            if (value.isArray()) {
                StringBuilder joined = new StringBuilder();
                value.forEach(
                        item -> joined.append(joined.length() == 0 ? "" : ",").append(item.asText()));
                values.put(known, joined.toString());
            } else {
                values.put(known, value.isNull() ? "" : value.asText());
            }
        }
    }
}
