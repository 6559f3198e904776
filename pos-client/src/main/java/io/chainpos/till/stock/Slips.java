package io.chainpos.till.stock;

import io.chainpos.till.TillMessage;
import io.chainpos.till.ledger.LedgerSession;
import java.util.Locale;
import java.util.Optional;

/** Finds the transfer a slip (its number, or number/check as its barcode carries) names. */
final class Slips {

    sealed interface Result {
    }

    record Found(Transfer transfer) implements Result {
    }

    record Refused(TillMessage reason) implements Result {
    }

    private Slips() {
    }

    static Result find(LedgerSession session, TransferStore transfers, String slip) {
        String text = slip == null ? "" : slip.strip();
        int slash = text.indexOf('/');
        String number = slash < 0 ? text : text.substring(0, slash);
        String check = slash < 0 ? null : text.substring(slash + 1).toLowerCase(Locale.ROOT);
        Optional<Transfer> transfer = number.isEmpty() ? Optional.empty() : transfers.byNumber(session, number);
        if (transfer.isEmpty()) {
            return new Refused(TillMessage.of(TillMessage.Code.TRANSFER_UNKNOWN, text));
        }
        if (check != null && !check.equals(transfer.get().transferId().check())) {
            return new Refused(TillMessage.of(TillMessage.Code.TRANSFER_OTHER_CHAIN, text));
        }
        return new Found(transfer.get());
    }

    /** Why a transfer no longer in transit can be neither received nor cancelled. */
    static TillMessage closed(Transfer transfer) {
        return TillMessage.of(transfer.status() == Transfer.Status.RECEIVED ? TillMessage.Code.TRANSFER_ALREADY_RECEIVED
                : TillMessage.Code.TRANSFER_ALREADY_CANCELLED, transfer.transferNo());
    }
}
