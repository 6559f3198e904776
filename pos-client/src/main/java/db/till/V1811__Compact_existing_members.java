package db.till;

import io.chainpos.model.json.EventCodec;
import io.chainpos.till.member.MemberKeyStore;
import io.chainpos.till.member.MemberProjection;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Copies every member row and key kept before V1810 into the compact tables (decoding the JSON stamps and the base64
 * text takes Java), then drops the old tables: no member, field, stamp or key is lost.
 */
public final class V1811__Compact_existing_members extends BaseJavaMigration {

    @Override
    public void migrate(Context context) {
        // The handle is not closed: the connection is the migration's, and Flyway closes it.
        Handle h = Jdbi.open(context.getConnection());
        MemberProjection.compactRowsBefore1810(h, EventCodec.standard());
        MemberKeyStore.compactKeysBefore1810(h);
        h.execute("DROP TABLE members_before_1810");
        h.execute("DROP TABLE member_keys_before_1810");
    }
}
