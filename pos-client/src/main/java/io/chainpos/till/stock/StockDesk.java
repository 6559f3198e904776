package io.chainpos.till.stock;

/** The stock use-cases a counter offers: the slot the screens and the command line call. */
public record StockDesk(ReceiveGoods receiveGoods, SendTransfer sendTransfer, ReceiveTransfer receiveTransfer,
                        CancelTransfer cancelTransfer, TransferStore transfers, StockStore stock,
                        Stocktaking stocktaking) {
}
