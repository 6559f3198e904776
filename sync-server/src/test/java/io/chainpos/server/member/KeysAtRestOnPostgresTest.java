package io.chainpos.server.member;

import io.chainpos.server.testing.EmbeddedDatabase;

/** {@link KeysAtRestTest} against the server on PostgreSQL. */
class KeysAtRestOnPostgresTest extends KeysAtRestTest {
    private String database;

    @Override
    String database() {
        if (database == null) {
            database = EmbeddedDatabase.newDatabase();
        }
        return database;
    }
}
