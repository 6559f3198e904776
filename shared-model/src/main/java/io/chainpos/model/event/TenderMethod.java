package io.chainpos.model.event;

/** How a customer paid; change is only ever given in cash. */
public enum TenderMethod { CASH, BANK_CARD, MOBILE_WALLET, STORED_VALUE, POINTS, COUPON }
