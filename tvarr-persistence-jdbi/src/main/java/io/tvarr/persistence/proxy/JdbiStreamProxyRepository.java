package io.tvarr.persistence.proxy;

import io.tvarr.domain.ConflictException;
import io.tvarr.domain.NotFoundException;
import io.tvarr.domain.epg.EpgSourceId;
import io.tvarr.domain.filter.FilterId;
import io.tvarr.domain.mapping.MappingRuleId;
import io.tvarr.domain.proxy.DeliveryMode;
import io.tvarr.domain.proxy.Numbering;
import io.tvarr.domain.proxy.NumberingMode;
import io.tvarr.domain.proxy.OutputSettings;
import io.tvarr.domain.proxy.ProxyFilter;
import io.tvarr.domain.proxy.ProxyId;
import io.tvarr.domain.proxy.ProxyMappingRule;
import io.tvarr.domain.proxy.StreamProxy;
import io.tvarr.domain.proxy.port.out.StreamProxyRepository;
import io.tvarr.domain.relay.RelayProfileId;
import io.tvarr.domain.source.SourceId;
import io.tvarr.persistence.sql.Database;
import io.tvarr.persistence.sql.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Proxies in table {@code stream_proxy} with their ordered associations in the {@code proxy_*} tables. */
public final class JdbiStreamProxyRepository implements StreamProxyRepository {
    private static final Logger log = LoggerFactory.getLogger(JdbiStreamProxyRepository.class);
    private static final String COLUMNS = "id, name, slug, numbering_mode, numbering_start, numbering_block_size,"
            + " delivery_mode, relay_profile_id, include_chno, group_title_override, url_tvg_header, cache_logos,"
            + " deduplicate_streams, epg_days_back, epg_days_ahead, keep_guide_extras, hdhomerun, xtream_vod, hdhomerun_profile_id, schedule,"
            + " created_at,"
            + " updated_at";

    private final Database db;

    public JdbiStreamProxyRepository(Database db) {
        this.db = db;
    }

    @Override
    public void insert(StreamProxy proxy) {
        db.inTransaction(h -> {
            requireFreeSlug(h, proxy);
            bind(
                            h.createUpdate("INSERT INTO stream_proxy (" + COLUMNS
                                    + ") VALUES (:id, :name, :slug, :numbering_mode,"
                                    + " :numbering_start, :numbering_block_size, :delivery_mode, :relay_profile_id,"
                                    + " :include_chno, :group_title_override, :url_tvg_header, :cache_logos,"
                                    + " :deduplicate_streams, :epg_days_back, :epg_days_ahead, :keep_guide_extras, :hdhomerun, :xtream_vod, :hdhomerun_profile_id,"
                                    + " :schedule, :created_at, :updated_at)"),
                            proxy)
                    .execute();
            writeAssociations(h, proxy);
            return null;
        });
    }

    @Override
    public void update(StreamProxy proxy) {
        db.inTransaction(h -> {
            requireFreeSlug(h, proxy);
            int rows = bind(
                            h.createUpdate("UPDATE stream_proxy SET name = :name, slug = :slug,"
                                    + " numbering_mode = :numbering_mode, numbering_start = :numbering_start,"
                                    + " numbering_block_size = :numbering_block_size, delivery_mode = :delivery_mode,"
                                    + " relay_profile_id = :relay_profile_id, include_chno = :include_chno,"
                                    + " group_title_override = :group_title_override, url_tvg_header = :url_tvg_header,"
                                    + " cache_logos = :cache_logos, deduplicate_streams = :deduplicate_streams,"
                                    + " epg_days_back = :epg_days_back, epg_days_ahead = :epg_days_ahead,"
                                    + " keep_guide_extras = :keep_guide_extras, hdhomerun = :hdhomerun, xtream_vod = :xtream_vod, hdhomerun_profile_id = :hdhomerun_profile_id, schedule = :schedule, created_at = :created_at, updated_at = :updated_at"
                                    + " WHERE id = :id"),
                            proxy)
                    .execute();
            if (rows == 0) {
                throw new NotFoundException("proxy " + proxy.id() + ": not found");
            }
            for (String table : List.of("proxy_source", "proxy_epg_source", "proxy_filter", "proxy_mapping_rule")) {
                h.createUpdate("DELETE FROM " + table + " WHERE proxy_id = :id")
                        .bind("id", proxy.id().toString())
                        .execute();
            }
            writeAssociations(h, proxy);
            return null;
        });
    }

    @Override
    public boolean delete(ProxyId id) {
        return db.withHandle(h -> h.createUpdate("DELETE FROM stream_proxy WHERE id = :id")
                        .bind("id", id.toString())
                        .execute())
                > 0;
    }

    @Override
    public Optional<StreamProxy> findById(ProxyId id) {
        return findOne("id", id.toString());
    }

    @Override
    public Optional<StreamProxy> findBySlug(String slug) {
        return findOne("slug", slug);
    }

    @Override
    public List<StreamProxy> findAll() {
        return db.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM stream_proxy ORDER BY name, id")
                .map((rs, ctx) -> map(h, rs))
                .list());
    }

    @Override
    public List<StreamProxy> findUsingSource(SourceId source) {
        return findUsing("proxy_source", "source_id", source.toString());
    }

    @Override
    public List<StreamProxy> findUsingGuide(EpgSourceId guide) {
        return findUsing("proxy_epg_source", "epg_source_id", guide.toString());
    }

    private List<StreamProxy> findUsing(String table, String column, String input) {
        return db.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM stream_proxy WHERE id IN (SELECT proxy_id"
                        + " FROM " + table + " WHERE " + column + " = :input) ORDER BY name, id")
                .bind("input", input)
                .map((rs, ctx) -> map(h, rs))
                .list());
    }

    private Optional<StreamProxy> findOne(String column, String value) {
        return db.withHandle(
                h -> h.createQuery("SELECT " + COLUMNS + " FROM stream_proxy WHERE " + column + " = :value")
                        .bind("value", value)
                        .map((rs, ctx) -> map(h, rs))
                        .findOne());
    }

    private static void requireFreeSlug(Handle h, StreamProxy proxy) {
        boolean taken = h.createQuery("SELECT COUNT(*) FROM stream_proxy WHERE slug = :slug AND id <> :id")
                        .bind("slug", proxy.slug())
                        .bind("id", proxy.id().toString())
                        .mapTo(Long.class)
                        .one()
                > 0;
        if (taken) {
            throw new ConflictException("slug: '" + proxy.slug() + "' is already used by another proxy");
        }
    }

    private static void writeAssociations(Handle h, StreamProxy proxy) {
        String id = proxy.id().toString();
        var sources = h.prepareBatch("INSERT INTO proxy_source (proxy_id, source_id, position) VALUES (:p, :s, :pos)");
        for (int i = 0; i < proxy.sources().size(); i++) {
            sources.bind("p", id)
                    .bind("s", proxy.sources().get(i).toString())
                    .bind("pos", i)
                    .add();
        }
        var guides = h.prepareBatch(
                "INSERT INTO proxy_epg_source (proxy_id, epg_source_id, position) VALUES (:p, :s, :pos)");
        for (int i = 0; i < proxy.epgSources().size(); i++) {
            guides.bind("p", id)
                    .bind("s", proxy.epgSources().get(i).toString())
                    .bind("pos", i)
                    .add();
        }
        var filters = h.prepareBatch(
                "INSERT INTO proxy_filter (proxy_id, filter_id, position, active) VALUES (:p, :f, :pos, :active)");
        for (int i = 0; i < proxy.filters().size(); i++) {
            ProxyFilter filter = proxy.filters().get(i);
            filters.bind("p", id)
                    .bind("f", filter.filterId().toString())
                    .bind("pos", i)
                    .bind("active", filter.active())
                    .add();
        }
        var rules = h.prepareBatch("INSERT INTO proxy_mapping_rule (proxy_id, mapping_rule_id, position, active)"
                + " VALUES (:p, :r, :pos, :active)");
        for (int i = 0; i < proxy.mappingRules().size(); i++) {
            ProxyMappingRule rule = proxy.mappingRules().get(i);
            rules.bind("p", id)
                    .bind("r", rule.ruleId().toString())
                    .bind("pos", i)
                    .bind("active", rule.active())
                    .add();
        }
        for (var batch : List.of(sources, guides, filters, rules)) {
            if (batch.size() > 0) {
                batch.execute();
            }
        }
    }

    private static Update bind(Update update, StreamProxy p) {
        OutputSettings out = p.output();
        return update.bind("id", p.id().toString())
                .bind("name", p.name())
                .bind("slug", p.slug())
                .bind("numbering_mode", p.numbering().mode().name())
                .bind("numbering_start", p.numbering().start())
                .bind("numbering_block_size", p.numbering().blockSize())
                .bind("delivery_mode", p.deliveryMode().name())
                .bind(
                        "relay_profile_id",
                        p.relayProfile() == null ? null : p.relayProfile().toString())
                .bind("include_chno", out.includeChannelNumber())
                .bind("group_title_override", out.groupTitleOverride())
                .bind("url_tvg_header", out.urlTvgHeader())
                .bind("cache_logos", out.cacheLogos())
                .bind("deduplicate_streams", out.deduplicateStreams())
                .bind("epg_days_back", out.epgDaysBack())
                .bind("epg_days_ahead", out.epgDaysAhead())
                .bind("keep_guide_extras", out.keepGuideExtras())
                .bind("hdhomerun", out.hdhomerun())
                .bind("xtream_vod", out.xtreamVod())
                .bind(
                        "hdhomerun_profile_id",
                        out.hdhomerunProfile() == null
                                ? null
                                : out.hdhomerunProfile().toString())
                .bind("schedule", p.schedule())
                .bind("created_at", p.createdAt().toEpochMilli())
                .bind("updated_at", p.updatedAt().toEpochMilli());
    }

    private static StreamProxy map(Handle h, ResultSet rs) throws SQLException {
        String id = rs.getString("id");
        String relay = rs.getString("relay_profile_id");
        String tunerProfile = rs.getString("hdhomerun_profile_id");
        List<SourceId> sources = h.createQuery(
                        "SELECT source_id FROM proxy_source WHERE proxy_id = :id ORDER BY position")
                .bind("id", id)
                .map((r, c) -> SourceId.parse(r.getString(1)))
                .list();
        List<EpgSourceId> guides = h.createQuery(
                        "SELECT epg_source_id FROM proxy_epg_source WHERE proxy_id = :id ORDER BY position")
                .bind("id", id)
                .map((r, c) -> EpgSourceId.parse(r.getString(1)))
                .list();
        List<ProxyFilter> filters = h.createQuery(
                        "SELECT filter_id, active FROM proxy_filter WHERE proxy_id = :id ORDER BY position")
                .bind("id", id)
                .map((r, c) -> new ProxyFilter(FilterId.parse(r.getString(1)), r.getBoolean(2)))
                .list();
        List<ProxyMappingRule> rules = h.createQuery("SELECT mapping_rule_id, active FROM proxy_mapping_rule"
                        + " WHERE proxy_id = :id ORDER BY position")
                .bind("id", id)
                .map((r, c) -> new ProxyMappingRule(MappingRuleId.parse(r.getString(1)), r.getBoolean(2)))
                .list();
        return new StreamProxy(
                ProxyId.parse(id),
                rs.getString("name"),
                rs.getString("slug"),
                sources,
                guides,
                filters,
                rules,
                new Numbering(
                        NumberingMode.valueOf(rs.getString("numbering_mode")),
                        rs.getInt("numbering_start"),
                        rs.getInt("numbering_block_size")),
                deliveryMode(id, rs.getString("delivery_mode")),
                relay == null ? null : RelayProfileId.parse(relay),
                new OutputSettings(
                        rs.getBoolean("include_chno"),
                        rs.getString("group_title_override"),
                        rs.getBoolean("url_tvg_header"),
                        rs.getBoolean("cache_logos"),
                        rs.getBoolean("deduplicate_streams"),
                        rs.getInt("epg_days_back"),
                        rs.getInt("epg_days_ahead"),
                        rs.getBoolean("keep_guide_extras"),
                        rs.getBoolean("hdhomerun"),
                        rs.getBoolean("xtream_vod"),
                        tunerProfile == null ? null : RelayProfileId.parse(tunerProfile)),
                rs.getString("schedule"),
                Rows.instant(rs, "created_at"),
                Rows.instant(rs, "updated_at"));
    }

    /**
     * Rows written before the V4 migration, or by an older tvarr sharing the database, may still say RELAY, the
     * former name of TRANSCODE; read until the next release.
     */
    private static DeliveryMode deliveryMode(String proxyId, String stored) {
        Optional<DeliveryMode> renamed = DeliveryMode.ofDeprecatedName(stored);
        if (renamed.isPresent()) {
            log.warn(
                    "deprecated delivery mode read proxy_id={} value={} replacement={}",
                    proxyId,
                    stored,
                    renamed.get().name());
            return renamed.get();
        }
        return DeliveryMode.valueOf(stored);
    }
}
