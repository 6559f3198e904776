package io.chainpos.till.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.member.LastWriterWins;
import io.chainpos.model.member.Stamp;
import java.nio.file.Path;
import java.util.Random;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The upserts' SQL condition, run by SQLite itself, picks the same winner as the rule in shared-model. */
class LastWriterWinsInSqliteTest {
    @TempDir
    Path dir;

    @Test
    void sqliteAgreesWithTheRuleOnEveryPairIncludingTies() {
        Random random = new Random(13);
        String sql = "SELECT " + LastWriterWins.sqlLater("c", "k") + " FROM "
                + "(SELECT :ch AS hlc, :ct AS till_id, :ce AS event_id) c, (SELECT :kh AS hlc, :kt AS till_id, :ke AS event_id) k";
        try (Handle h = Jdbi.create(SqliteDatabase.dataSource(dir.resolve("t.db"), false)).open()) {
            for (int i = 0; i < 2_000; i++) {
                Stamp candidate = stamp(random);
                Stamp current = stamp(random);

                boolean inSql = h.createQuery(sql)
                        .bind("ch", candidate.hlc()).bind("ct", candidate.tillId()).bind("ce", candidate.eventId())
                        .bind("kh", current.hlc()).bind("kt", current.tillId()).bind("ke", current.eventId())
                        .mapTo(Boolean.class).one();

                assertThat(inSql).as("%s over %s", candidate, current).isEqualTo(LastWriterWins.wins(candidate, current));
            }
        }
    }

    /** Few timestamps, tills and events, so most pairs tie on the first or second key. */
    private static Stamp stamp(Random random) {
        return new Stamp(1_700_000_000_000L + random.nextInt(3), "S00" + random.nextInt(3) + "-T" + random.nextInt(2),
                "0192f0a0-0000-7000-8000-00000000000" + random.nextInt(4));
    }
}
