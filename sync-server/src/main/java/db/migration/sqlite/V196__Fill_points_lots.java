package db.migration.sqlite;

import io.chainpos.server.ServerMain;
import io.chainpos.server.member.JdbcPointsLotsProjection;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/** Fills the points lots (V195) from the points deltas a server upgraded from an earlier version already merged. */
public final class V196__Fill_points_lots extends BaseJavaMigration {

    @Override
    public void migrate(Context context) {
        JdbcPointsLotsProjection.fill(context.getConnection(), ServerMain.LOYALTY_ZONE);
    }
}
