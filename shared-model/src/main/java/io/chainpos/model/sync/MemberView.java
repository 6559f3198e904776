package io.chainpos.model.sync;

/**
 * A member as the server has merged it from every store: balances are sums over distinct events. Stored
 * value is {@code storedValueBalance}, of which {@code storedValueBonus} is bonus money (spent last, never
 * paid out) and {@code storedValuePaid} money the member paid.
 */
public record MemberView(
        String memberId,
        String cardNo,
        String name,
        String phone,
        String tierCode,
        long pointsBalance,
        long storedValueBalance,
        long storedValuePaid,
        long storedValueBonus) {

    /** A view without a bonus part: all stored value was paid. */
    public MemberView(String memberId, String cardNo, String name, String phone, String tierCode, long pointsBalance,
                      long storedValueBalance) {
        this(memberId, cardNo, name, phone, tierCode, pointsBalance, storedValueBalance, storedValueBalance, 0);
    }
}
