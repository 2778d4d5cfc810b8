package dev.rapport.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The client is generated from a committed copy of the merged document; it must equal the live one. */
class OpenApiSnapshotIT {

    @Test
    void the_committed_snapshot_is_the_document_the_gateway_serves() throws Exception {
        Live live = Live.get();
        Path snapshot = Path.of(System.getProperty("rapport.openapi-snapshot"));
        String refresh = "Refresh it: copy system-tests/target/merged-openapi.json (written by this run) to "
                + "system-tests/src/main/openapi/rapport-openapi.json, check the diff and rebuild the client "
                + "(./mvnw verify -pl system-tests).";
        assertThat(snapshot).as("the snapshot is missing. " + refresh).exists();
        JsonNode committed = OpenApiDocument.JSON.readTree(Files.readString(snapshot));
        JsonNode served = live.document.root();
        if (!committed.equals(served)) {
            String pretty = OpenApiDocument.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT)
                    .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).writeValueAsString(served);
            assertThat(pretty).as("the merged OpenAPI document drifted from the committed snapshot. " + refresh)
                    .isEqualTo(OpenApiDocument.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT)
                            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).writeValueAsString(committed));
        }
    }
}
