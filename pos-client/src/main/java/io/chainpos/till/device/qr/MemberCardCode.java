package io.chainpos.till.device.qr;

import io.chainpos.model.id.CardNo;

/**
 * A member's card code (the {@code CPM1:} QR code) as a picture for the member screen, so the customer can scan it
 * into their phone or the cashier can show it. The screens reach the QR code library only through this.
 */
public final class MemberCardCode {
    private final int pixels;

    /** {@code pixels}: about how many pixels square the picture is. */
    public MemberCardCode(int pixels) {
        if (pixels < 50) {
            throw new IllegalArgumentException("a member QR code smaller than 50 pixels does not scan: " + pixels);
        }
        this.pixels = pixels;
    }

    /** The QR code of the member with this card, as PNG bytes. */
    public byte[] png(CardNo cardNo) {
        return MemberQrCodes.png(cardNo, pixels);
    }
}
