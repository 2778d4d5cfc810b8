package dev.rapport.customer.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class CopyRowsTest {

    @Test
    void writesTabSeparatedRowsWithNullsAndCanonicalUuids() {
        UUID id = UUID.fromString("01a206c2-9e6f-715c-91f0-6384b1e5a8b0");

        String text = new CopyRows()
                .value(id).value("plain").value((String) null).value(7L).value(new BigDecimal("2.5500"))
                .value(Instant.parse("2011-12-09T12:50:00Z")).endRow()
                .value(123456789L).value(new UUID(0, 1)).endRow()
                .toString();

        assertThat(text).isEqualTo("01a206c2-9e6f-715c-91f0-6384b1e5a8b0\tplain\t\\N\t7\t2.5500\t2011-12-09T12:50:00Z\n"
                + "123456789\t00000000-0000-0000-0000-000000000001\n");
    }

    @Test
    void escapesTheCharactersCopyTextGivesAMeaning() {
        String text = new CopyRows().value("a\\b\tc\nd\re").endRow().toString();

        assertThat(text).isEqualTo("a\\\\b\\tc\\nd\\re\n");
    }

    @Test
    void encodesNonAsciiAsUtf8AndStillEscapesAfterIt() {
        String text = new CopyRows().value("Crème\tbrûlée").value("日本").endRow().toString();

        assertThat(text).isEqualTo("Crème\\tbrûlée\t日本\n");
    }

    @Test
    void growsBeyondItsFirstBuffer() {
        CopyRows rows = new CopyRows();
        String value = "x".repeat(1000) + "\t";
        for (int i = 0; i < 200; i++) {
            rows.value(value).endRow();
        }

        assertThat(rows.rows()).isEqualTo(200);
        assertThat(rows.toString()).hasSize(200 * (1000 + 2 + 1)).endsWith("xx\\t\n");
    }
}
