package io.chainpos.server.stock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chainpos.model.event.StockChanged;
import io.chainpos.model.event.StockLine;
import io.chainpos.model.event.TransferCancelled;
import io.chainpos.model.event.TransferReceived;
import io.chainpos.server.testing.TestServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A transfer received at two tills of the store while both were offline, and one cancelled by its sender after the
 * other store had received it: the server keeps every fact, and reports each clash to head office.
 */
class TransferConflictTest {
    @TempDir
    Path dir;

    @Test
    void aSecondReceiptAndALateCancellationAreReportedAndTheTransferStaysReceived() {
        try (TestServer server = TestServer.start(dir)) {
            StockDocuments.push(server);
            TestServer.EnrolledTill b2 = server.enroll("S002", "S002-T2");
            TestServer.EnrolledTill a2 = server.enroll("S001", "S001-T2");
            assertThat(b2.push(b2.writer().next(List.of(
                    new TransferReceived(StockDocuments.FIRST, "S001-T1-1-T000001", StockDocuments.S001, StockDocuments.S002,
                            List.of(new StockLine(StockDocuments.COLA, 12_000, null)), List.of(), "c8"),
                    new StockChanged(StockDocuments.S002, StockDocuments.COLA, 12_000, StockChanged.Reason.TRANSFER_IN,
                            "S001-T1-1-T000001")))).status()).isEqualTo(200);
            assertThat(a2.push(a2.writer().next(List.of(
                    new TransferCancelled(StockDocuments.FIRST, "S001-T1-1-T000001", StockDocuments.S001, StockDocuments.S002,
                            List.of(new StockLine(StockDocuments.COLA, 12_000, null)), "m1", null)))).status()).isEqualTo(200);

            List<String> conflicts = new ArrayList<>();
            for (JsonNode e : server.headOffice().get("/api/v1/exceptions").json().get("exceptions")) {
                if ("TRANSFER_CONFLICT".equals(e.get("kind").asText())) {
                    conflicts.add(e.get("storeId").asText() + " " + e.get("tillId").asText() + " " + e.get("detail").asText());
                }
            }
            assertThat(conflicts).containsExactlyInAnyOrder(
                    "S002 S002-T2 transfer S001-T1-1-T000001 was received again",
                    "S001 S001-T2 transfer S001-T1-1-T000001 was cancelled after it was received");
            assertThat(server.ports.stockBook().transfers("RECEIVED", Optional.empty(), 10))
                    .extracting(StockBook.Transfer::transferNo).containsExactly("S001-T1-1-T000001");
            // Both receipts moved stock: 11 + 12 colas at S002 until head office adjusts.
            assertThat(server.ports.stock().stock(StockDocuments.S002, StockDocuments.COLA).qtyMilli()).isEqualTo(23_000);
        }
    }
}
