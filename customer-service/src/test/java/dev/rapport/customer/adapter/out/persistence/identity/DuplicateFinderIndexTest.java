package dev.rapport.customer.adapter.out.persistence.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The finder's expressions must equal those of the V20 indexes character for character, or the
 * duplicates query scans the whole table. With sequential scans priced out, the plan shows which
 * index each arm uses (a small test table would otherwise always be scanned).
 */
@QuarkusTest
class DuplicateFinderIndexTest {

    @Inject
    DataSource dataSource;

    @Test
    void everyArmOfTheDuplicatesQueryUsesItsIndex() throws SQLException {
        String sql = PostgresDuplicateFinder.sql(List.of(PostgresDuplicateFinder.SAME_EMAIL,
                        PostgresDuplicateFinder.SAME_PHONE, PostgresDuplicateFinder.SAME_NAME_AND_COMPANY))
                .replace(":id", "'00000000-0000-0000-0000-000000000000'::uuid")
                .replace(":email", "'ada@example.com'")
                .replace(":phoneDigits", "'14155552671'")
                .replace(":firstName", "'ada'").replace(":lastName", "'lovelace'").replace(":company", "'engines'")
                .replace(":limit", "50");
        StringBuilder plan = new StringBuilder();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("set local enable_seqscan = off");
            try (ResultSet rows = statement.executeQuery("explain " + sql)) {
                while (rows.next()) {
                    plan.append(rows.getString(1)).append('\n');
                }
            }
            connection.rollback();
        }

        assertThat(plan.toString())
                .contains("customer_email_normalised")
                .contains("customer_phone_digits")
                .contains("customer_name_company");
    }
}
