package db.till;

import io.chainpos.till.catalog.CatalogProjection;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.jdbi.v3.core.Jdbi;

/** Gives the catalog rows stored before V1370 their pinyin initials: computing them takes the pinyin table. */
public final class V1371__Catalog_initials_of_existing_items extends BaseJavaMigration {

    @Override
    public void migrate(Context context) {
        // The handle is not closed: the connection is the migration's, and Flyway closes it.
        CatalogProjection.fillInitials(Jdbi.open(context.getConnection()));
    }
}
