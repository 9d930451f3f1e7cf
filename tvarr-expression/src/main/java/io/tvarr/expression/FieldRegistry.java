package io.tvarr.expression;

import io.tvarr.domain.Suggestions;
import io.tvarr.domain.filter.ExpressionDomain;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The fields of each domain with their aliases; names are case-insensitive. */
public final class FieldRegistry {
    /** Channel fields, in {@link ChannelRecord} slot order. */
    public static final FieldRegistry CHANNELS = new FieldRegistry(List.of(
            new Field("channel_name", List.of("name"), false, 0),
            new Field("tvg_id", List.of("epg_id"), false, 1),
            new Field("tvg_name", List.of(), false, 2),
            new Field("tvg_logo", List.of("logo"), false, 3),
            new Field("group_title", List.of("group", "category"), false, 4),
            new Field("stream_url", List.of("url"), true, 5),
            new Field("channel_number", List.of("number", "chno"), false, 6),
            new Field("tvg_shift", List.of(), false, 7),
            new Field("tvg_language", List.of("language", "lang"), false, 8),
            new Field("tvg_country", List.of("country"), false, 9),
            new Field("radio", List.of(), false, 10),
            new Field("is_adult", List.of("adult"), false, 11),
            new Field("source_name", List.of(), true, 12),
            new Field("source_type", List.of(), true, 13),
            new Field("source_url", List.of(), true, 14)));

    /** Programme fields, in {@link ProgrammeRecord} slot order. */
    public static final FieldRegistry PROGRAMMES = new FieldRegistry(List.of(
            new Field("programme_title", List.of("program_title", "title"), false, 0),
            new Field("programme_description", List.of("program_description", "description", "desc"), false, 1),
            new Field("programme_start", List.of("start"), true, 2),
            new Field("programme_stop", List.of("stop"), true, 3),
            new Field("programme_category", List.of("genre"), false, 4),
            new Field("programme_episode", List.of("episode"), false, 5),
            new Field("programme_season", List.of("season"), false, 6),
            new Field("programme_icon", List.of("poster"), false, 7),
            new Field("channel_group_title", List.of(), true, 8)));

    private final List<Field> fields;
    private final Map<String, Field> byName = new HashMap<>();

    private FieldRegistry(List<Field> fields) {
        this.fields = List.copyOf(fields);
        for (Field field : fields) {
            byName.put(field.name(), field);
            field.aliases().forEach(alias -> byName.put(alias, field));
        }
    }

    public static FieldRegistry of(ExpressionDomain domain) {
        return domain.isChannelDomain() ? CHANNELS : PROGRAMMES;
    }

    /** Every field in slot order. */
    public List<Field> fields() {
        return fields;
    }

    public int size() {
        return fields.size();
    }

    public Optional<Field> find(String name) {
        return Optional.ofNullable(byName.get(name.toLowerCase(Locale.ROOT)));
    }

    /** The field, or an error naming it with a suggestion. */
    Field require(Token token, String expression) {
        return find(token.text()).orElseThrow(() -> {
            List<String> names = new ArrayList<>(byName.keySet());
            String hint = Suggestions.closest(token.lower(), names, 3)
                    .map(s -> " (did you mean '" + s + "'?)")
                    .orElse("");
            return new ExpressionException("unknown field '" + token.text() + "'" + hint, token.column(), expression);
        });
    }
}
