package io.chainpos.till.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReusedStatementsTest {
    @TempDir
    Path dir;

    @Test
    void aQueryWithNamedParametersRunsOnTheStatementItRanOnBefore() {
        try (Handle h = open()) {
            List<Statement> used = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                int value = i;
                assertThat(h.createQuery("SELECT :n + :n").bind("n", value).addCustomizer(recording(used))
                        .mapTo(Integer.class).one()).isEqualTo(2 * value);
            }

            assertThat(used).hasSize(3).allSatisfy(statement -> assertThat(statement).isSameAs(used.getFirst()));
        }
    }

    @Test
    void theSameSqlRunWhileItsResultIsStillBeingReadGetsItsOwnStatement() {
        try (Handle h = open()) {
            h.execute("CREATE TABLE t (n INTEGER)");
            for (int n = 1; n <= 3; n++) {
                h.execute("INSERT INTO t (n) VALUES (?)", n);
            }
            String sql = "SELECT n FROM t WHERE n >= :from ORDER BY n";

            String pairs;
            try (var outer = h.createQuery(sql).bind("from", 2).mapTo(Integer.class).stream()) {
                pairs = outer.map(n -> n + ":" + h.createQuery(sql).bind("from", n).mapTo(Integer.class).list())
                        .collect(Collectors.joining(" "));
            }

            assertThat(pairs).isEqualTo("2:[2, 3] 3:[3]");
            assertThat(h.createQuery(sql).bind("from", 1).mapTo(Integer.class).list()).containsExactly(1, 2, 3);
        }
    }

    @Test
    void parametersOfTheLastUseAreNotLeftOnAReusedStatement() {
        try (Handle h = open()) {
            h.execute("CREATE TABLE t (a TEXT, b TEXT)");
            h.createUpdate("INSERT INTO t (a, b) VALUES (:a, :b)").bind("a", "x").bind("b", "y").execute();
            h.createUpdate("INSERT INTO t (a, b) VALUES (:a, :b)").bind("a", "z").bind("b", (String) null).execute();

            assertThat(h.createQuery("SELECT a || '/' || COALESCE(b, '-') FROM t ORDER BY a").mapTo(String.class).list())
                    .containsExactly("x/y", "z/-");
        }
    }

    private Handle open() {
        return Jdbi.create(SqliteDatabase.dataSource(dir.resolve("t.db"), false))
                .setStatementBuilderFactory(connection -> new ReusedStatements())
                .open();
    }

    private static StatementCustomizer recording(List<Statement> used) {
        return new StatementCustomizer() {
            @Override
            public void beforeExecution(java.sql.PreparedStatement statement, StatementContext context) {
                used.add(statement);
            }
        };
    }
}
