package io.chainpos.model.event;

/**
 * Goods coming into a store and moving between stores: the documents behind stock movements. The quantities
 * themselves move by the {@link StockChanged} events recorded in the same transaction, so stock levels stay one
 * sum of movements whatever the document.
 */
public sealed interface StockEvent extends Event permits StockReceived, TransferSent, TransferReceived, TransferCancelled,
        StocktakeCompleted {
}
