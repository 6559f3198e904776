package io.chainpos.till.device.printer;

/**
 * Something the till prints: a receipt, a refund slip, a shift report, a member card. It holds the facts and
 * lays them out for a format; a new kind of printout is one more implementation, nothing else changes.
 */
public interface Printout {

    PrintDocument layout(ReceiptFormat format);
}
