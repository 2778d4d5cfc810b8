package dev.rapport.customer.adapter.out.spool;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CsvRowTest {

    @Test
    void readsValuesByColumnNameInHeaderOrder() {
        CsvRow.Columns columns = new CsvRow.Columns(List.of("InvoiceNo", "StockCode", "Quantity"));

        CsvRow row = new CsvRow(columns, List.of("536365", "85123A", "6"));

        assertThat(row.get("StockCode")).isEqualTo("85123A");
        assertThat(row.get("Country")).isNull();
        assertThat(row.containsKey("Quantity")).isTrue();
        assertThat(row.containsKey("Country")).isFalse();
        assertThat(row).hasSize(3);
        assertThat(row.keySet()).containsExactly("InvoiceNo", "StockCode", "Quantity");
        assertThat(row).isEqualTo(Map.of("InvoiceNo", "536365", "StockCode", "85123A", "Quantity", "6"));
    }

    @Test
    void aRepeatedColumnNameHoldsItsLastValueAtItsFirstPlaceLikeALinkedHashMap() {
        List<String> header = List.of("a", "b", "a");
        List<String> values = List.of("1", "2", "3");
        Map<String, String> expected = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            expected.put(header.get(i), values.get(i));
        }

        CsvRow row = new CsvRow(new CsvRow.Columns(header), values);

        assertThat(row.get("a")).isEqualTo("3");
        assertThat(row.entrySet()).containsExactlyElementsOf(expected.entrySet());
    }
}
