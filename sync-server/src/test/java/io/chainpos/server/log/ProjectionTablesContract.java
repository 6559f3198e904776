package io.chainpos.server.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.server.Ports;
import io.chainpos.server.db.Storage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rebuild empties the tables the registered projections declare and nothing else: so every table in the
 * migrated schema, read from the database's own catalogue, is either declared by a projection or named here
 * as kept, with the reason a rebuild must leave it alone. A new table nobody declares fails this test.
 */
abstract class ProjectionTablesContract {
    /** Tables that are not projections: a rebuild from the log must not empty them. */
    static final Map<String, String> KEPT = Map.ofEntries(
            Map.entry("events", "the log itself"),
            Map.entry("event_keys", "PostgreSQL: the log's chain-wide unique keys, beside its partitions (V250)"),
            Map.entry("event_archives", "PostgreSQL: the months of the log detached for archive (V250)"),
            Map.entry("catalog_search", "SQLite's trigram index of catalog_products, kept in step with it by triggers"),
            Map.entry("catalog_search_data", "the trigram index's own storage"),
            Map.entry("catalog_search_idx", "the trigram index's own storage"),
            Map.entry("catalog_search_docsize", "the trigram index's own storage"),
            Map.entry("catalog_search_config", "the trigram index's own storage"),
            Map.entry("log_head", "the log's server sequence"),
            Map.entry("till_marks", "the log's per-till high-water marks"),
            Map.entry("projector_head", "how far the projections have merged the log, and found in it; a rebuild resets the first"),
            Map.entry("projection_skips", "events no projection could merge, skipped again by a rebuild"),
            Map.entry("quarantine", "events set apart, kept for head office"),
            Map.entry("sealing_checks", "each registration's check against its uploaded key; the key channel is not in the log"),
            Map.entry("sealing_cursor", "how far the sealing check has read the log"),
            Map.entry("sync_exceptions", "what was found when an event arrived; a rebuild does not find it again"),
            Map.entry("open_exception_counts", "the count of sync_exceptions still open, kept with them"),
            Map.entry("chain_heads", "each till epoch's event chain as checked at ingest; a rebuild does not check again"),
            Map.entry("chain_closes", "the chain at each shift close, as checked at ingest"),
            Map.entry("member_keys", "members' data keys travel beside the log, never in it"),
            Map.entry("member_name_grams", "members' names by pairs of letters, opened with their keys (not in the log)"),
            Map.entry("member_names_to_index", "the members whose names the name index is still to read"),
            Map.entry("member_names_cursor", "how far the name index has read the log"),
            Map.entry("chain_secrets", "the phone-lookup secret the tills hold"),
            Map.entry("tills", "accounts"),
            Map.entry("enrollment_codes", "accounts"),
            Map.entry("till_tokens", "accounts"),
            Map.entry("users", "accounts"),
            Map.entry("stores", "head office's description of its stores"),
            Map.entry("till_activity", "each till's last contact, recorded as sync answers it"),
            Map.entry("till_held", "how far each till's ledger goes, as the till says with every push (not in the log)"),
            Map.entry("sessions", "accounts"),
            Map.entry("web_sessions", "head office's page sessions"),
            Map.entry("sign_in_failures", "the sign-in lockout's counts"),
            Map.entry("used_form_tokens", "forms already acted on"),
            Map.entry("audit_log", "who did what from head office; it is not derived from the log"),
            Map.entry("message_templates", "head office's message texts, written on its pages, not derived from the log"),
            Map.entry("message_campaigns", "head office's campaigns and their hold-out seeds"),
            Map.entry("message_campaign_members", "who a campaign targeted or held out, drawn when it was sent"),
            Map.entry("message_outbox", "messages to members and their delivery: what was sent to a provider cannot be sent again"),
            Map.entry("message_opt_outs", "where each opt-out came from (the consent change itself is in the log)"),
            Map.entry("message_settings", "head office's settings for the scheduled messages, set on its pages"),
            Map.entry("message_stored_value_watch", "which members the daily runs saw above the stored-value threshold: no event says it"),
            Map.entry("message_coupon_codes", "the coupon codes given in messages: a code given cannot be given again"),
            Map.entry("flyway_schema_history", "the migrations applied"));

    @TempDir
    Path dir;

    protected abstract Storage open(Path dir);

    /** Every table of the schema the server migrated, from the database's catalogue, in lower case. */
    protected abstract String catalogueQuery();

    @Test
    void everyTableIsDeclaredByAProjectionOrKeptOnPurpose() {
        try (Storage storage = open(dir)) {
            Set<String> schema = new TreeSet<>(storage.database().read(h -> h.createQuery(catalogueQuery())
                    .mapTo(String.class).list()).stream().map(String::toLowerCase).toList());
            Set<String> declared = new TreeSet<>();
            Ports.projections(io.chainpos.server.web.StoreZones.NONE).forEach(p -> declared.addAll(p.tables()));

            Set<String> undeclared = new TreeSet<>(schema);
            undeclared.removeAll(declared);
            undeclared.removeAll(KEPT.keySet());
            assertThat(undeclared).as("tables no projection declares and none kept on purpose: a rebuild would not empty them")
                    .isEmpty();
            assertThat(schema).as("tables the projections declare").containsAll(declared);
            assertThat(declared).as("a kept table is never a projection's").doesNotContainAnyElementsOf(KEPT.keySet());
        }
    }

    @Test
    void eachTableBelongsToOneProjection() {
        List<String> all = Ports.projections(io.chainpos.server.web.StoreZones.NONE).stream().flatMap(p -> p.tables().stream()).toList();

        assertThat(all).doesNotHaveDuplicates();
    }
}
