package io.chainpos.model.event;

/**
 * Head office's stock planning: the minimum each store should hold of a product, and a transfer it proposes from a
 * store with too much to one running low. Neither moves stock; a proposal moves goods only when the sending store
 * ships it as a {@link TransferSent} with the proposal's {@code transferId}.
 */
public sealed interface StockPlanEvent extends Event permits StockMinimumSet, TransferProposed {
}
