package io.chainpos.model.sync;

/** A member as the server has merged it from every store: balances are sums over distinct events. */
public record MemberView(
        String memberId,
        String cardNo,
        String name,
        String phone,
        String tierCode,
        long pointsBalance,
        long storedValueBalance) {
}
