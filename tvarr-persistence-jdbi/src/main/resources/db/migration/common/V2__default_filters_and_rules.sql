-- Sensible defaults users can attach to proxies; fixed ids so upgrades can refer to them.

INSERT INTO filter (id, name, domain, action, expression) VALUES
    ('00000000-0000-4000-8000-000000000001', 'All HTTP streams', 'STREAM_FILTER', 'INCLUDE',
     'stream_url starts_with "http"'),
    ('00000000-0000-4000-8000-000000000002', 'No adult channels', 'STREAM_FILTER', 'EXCLUDE',
     'is_adult equals "1" OR group_title matches "(^|\W)(xxx|adult|18\+)(\W|$)"');

INSERT INTO mapping_rule (id, name, domain, expression, enabled, position, stop_on_match) VALUES
    ('00000000-0000-4000-8000-000000000101', 'Timeshift from "+N" in the name', 'STREAM_MAPPING',
     'channel_name matches "^(.*?)\s*\+(\d{1,2})$" SET tvg_shift = $2', TRUE, 0, FALSE),
    ('00000000-0000-4000-8000-000000000102', 'Country code from a "UK:" or "US |" prefix', 'STREAM_MAPPING',
     'channel_name matches "^([a-z]{2})\s*[:|]" SET_IF_EMPTY tvg_country = "$1"', TRUE, 1, FALSE),
    ('00000000-0000-4000-8000-000000000103', 'Sports category from the channel group', 'EPG_MAPPING',
     'channel_group_title contains "sport" SET_IF_EMPTY programme_category = "Sports"', TRUE, 2, FALSE),
    ('00000000-0000-4000-8000-000000000104', 'Movie category from the channel group', 'EPG_MAPPING',
     'channel_group_title matches "movie|film|cinema" SET_IF_EMPTY programme_category = "Movie"', TRUE, 3, FALSE),
    ('00000000-0000-4000-8000-000000000105', 'News category from the channel group', 'EPG_MAPPING',
     'channel_group_title contains "news" SET_IF_EMPTY programme_category = "News"', TRUE, 4, FALSE),
    ('00000000-0000-4000-8000-000000000106', 'Children category from the channel group', 'EPG_MAPPING',
     'channel_group_title matches "kids|child|cartoon" SET_IF_EMPTY programme_category = "Children"', TRUE, 5, FALSE);
