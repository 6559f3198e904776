package db.migration.sqlite;

import io.chainpos.server.log.JdbcQuarantineRewrite;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/** Rewrites rows quarantined in full before V90: telling a person's fields apart takes a JSON parser. */
public final class V91__Quarantine_rows_without_personal_data extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        JdbcQuarantineRewrite.run(context.getConnection());
    }
}
