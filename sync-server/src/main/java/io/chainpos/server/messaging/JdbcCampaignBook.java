package io.chainpos.server.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.chainpos.server.db.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** {@link CampaignBook} in {@code message_campaigns} and {@code message_campaign_members}; the target kept as JSON. */
public final class JdbcCampaignBook implements CampaignBook {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    private static final String COLUMNS = "campaign_id, name, template_id, target, holdout_pct, created_by, created_ms, sent_ms, coupon_batch";

    private static final String GIVE = """
            INSERT INTO message_coupon_codes (code, promotion_code, member_id, given_for, given_ms) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT DO NOTHING""";

    private final Database db;

    public JdbcCampaignBook(Database db) {
        this.db = db;
    }

    @Override
    public void create(Campaign c, Map<String, Boolean> members, Map<String, String> codes) {
        String target;
        try {
            target = JSON.writeValueAsString(c.target());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        db.write(tx -> {
            tx.sql().update("INSERT INTO message_campaigns (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?)", c.campaignId(),
                    c.name(), c.templateId(), target, c.holdoutPercent(), c.createdBy(), c.created().toEpochMilli(), c.couponPromotion());
            List<Object[]> rows = new ArrayList<>();
            new TreeMap<>(members).forEach((member, held) -> rows.add(new Object[] {c.campaignId(), member, held ? 1 : 0}));
            tx.sql().batch("INSERT INTO message_campaign_members (campaign_id, member_id, held_out) VALUES (?, ?, ?)", rows);
            for (Map.Entry<String, String> code : new TreeMap<>(codes).entrySet()) {
                if (tx.sql().update(GIVE, code.getValue(), c.couponPromotion(), code.getKey(), c.campaignId(), c.created().toEpochMilli()) == 0) {
                    throw new CodesTaken(code.getValue());
                }
            }
            return null;
        });
    }

    @Override
    public Optional<Campaign> campaign(String campaignId) {
        return db.read(h -> h.createQuery("SELECT " + COLUMNS + " FROM message_campaigns WHERE campaign_id = :id").bind("id", campaignId)
                .map((rs, ctx) -> row(rs)).findOne());
    }

    @Override
    public List<Campaign> all() {
        return db.read(h -> h.createQuery("SELECT " + COLUMNS + " FROM message_campaigns ORDER BY created_ms DESC, campaign_id")
                .map((rs, ctx) -> row(rs)).list());
    }

    @Override
    public Map<String, Boolean> members(String campaignId) {
        return db.read(h -> {
            Map<String, Boolean> members = new TreeMap<>();
            h.createQuery("SELECT member_id, held_out FROM message_campaign_members WHERE campaign_id = :id").bind("id", campaignId)
                    .map((rs, ctx) -> members.put(rs.getString(1), rs.getInt(2) == 1)).list();
            return members;
        });
    }

    @Override
    public Instant sent(String campaignId, Instant at) {
        return db.write(tx -> {
            tx.sql().update("UPDATE message_campaigns SET sent_ms = ? WHERE campaign_id = ? AND sent_ms IS NULL", at.toEpochMilli(), campaignId);
            return tx.sql().first("SELECT sent_ms FROM message_campaigns WHERE campaign_id = ?", rs -> Instant.ofEpochMilli(rs.getLong(1)),
                    campaignId).orElseThrow();
        });
    }

    private static Campaign row(ResultSet rs) throws SQLException {
        CampaignTarget target;
        try {
            target = JSON.readValue(rs.getString("target"), CampaignTarget.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("campaign " + rs.getString("campaign_id") + " has an unreadable target", e);
        }
        long sent = rs.getLong("sent_ms");
        boolean never = rs.wasNull();
        return new Campaign(rs.getString("campaign_id"), rs.getString("name"), rs.getString("template_id"), target,
                rs.getInt("holdout_pct"), rs.getString("created_by"), Instant.ofEpochMilli(rs.getLong("created_ms")),
                never ? null : Instant.ofEpochMilli(sent), rs.getString("coupon_batch"));
    }
}
