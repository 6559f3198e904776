package io.chainpos.server.messaging;

import io.chainpos.server.db.Database;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** {@link Templates} in {@code message_templates}. */
public final class JdbcTemplates implements Templates {
    private final Database db;
    private final Clock clock;

    public JdbcTemplates(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public Saved save(MessageTemplate t, String by) {
        if (t.name() == null || t.name().isBlank()) {
            return new Refused("name", "required");
        }
        if (t.bodyZh() == null || t.bodyZh().isBlank()) {
            return new Refused("bodyZh", "required");
        }
        if (t.bodyEn() == null || t.bodyEn().isBlank()) {
            return new Refused("bodyEn", "required");
        }
        Optional<MessageTemplate.Unknown> unknown = t.unknownPlaceholder();
        if (unknown.isPresent()) {
            return new Refused(unknown.get().field(), "unknown placeholder: {" + String.join("}, {", unknown.get().placeholders()) + "}");
        }
        db.write(tx -> tx.sql().update("""
                INSERT INTO message_templates (template_id, kind, name, body_zh, body_en, updated_by, updated_ms)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (template_id) DO UPDATE SET kind = excluded.kind, name = excluded.name, body_zh = excluded.body_zh,
                    body_en = excluded.body_en, updated_by = excluded.updated_by, updated_ms = excluded.updated_ms""",
                t.templateId(), t.kind().name(), t.name().strip(), t.bodyZh(), t.bodyEn(), by, clock.millis()));
        return new Kept(t.templateId());
    }

    @Override
    public Optional<MessageTemplate> template(String templateId) {
        return db.read(h -> h.createQuery("SELECT template_id, kind, name, body_zh, body_en FROM message_templates WHERE template_id = :id")
                .bind("id", templateId).map((rs, ctx) -> new MessageTemplate(rs.getString(1), MessageKind.valueOf(rs.getString(2)),
                        rs.getString(3), rs.getString(4), rs.getString(5))).findOne());
    }

    @Override
    public List<MessageTemplate> all() {
        return db.read(h -> h.createQuery("SELECT template_id, kind, name, body_zh, body_en FROM message_templates ORDER BY kind, name")
                .map((rs, ctx) -> new MessageTemplate(rs.getString(1), MessageKind.valueOf(rs.getString(2)),
                        rs.getString(3), rs.getString(4), rs.getString(5))).list());
    }
}
