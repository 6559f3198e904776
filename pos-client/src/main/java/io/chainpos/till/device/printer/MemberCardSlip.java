package io.chainpos.till.device.printer;

import io.chainpos.model.id.CardNo;
import io.chainpos.model.member.MemberCode;
import io.chainpos.till.device.printer.PrintDocument.Size;
import java.util.Objects;

/**
 * A paper member card printed at registration: the member's QR code (the {@link MemberCode} payload a scanner
 * reads back at the counter), the card number and a masked phone. The phone stays masked: the slip may be lost.
 */
public record MemberCardSlip(String name, String phone, CardNo cardNo) implements Printout {

    public MemberCardSlip {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(cardNo, "cardNo");
    }

    @Override
    public PrintDocument layout(ReceiptFormat format) {
        DocumentBuilder doc = new DocumentBuilder(format);
        doc.header()
                .centered(doc.word(ReceiptText.MEMBER_CARD_TITLE), true, Size.TALL)
                .rule()
                .pair(doc.word(ReceiptText.NAME), name);
        if (phone != null && phone.length() > 4) {
            doc.pair(doc.word(ReceiptText.PHONE), DocumentBuilder.masked(phone));
        }
        doc.pair(doc.word(ReceiptText.CARD_NO), cardNo.value())
                .feed(1)
                .qr(MemberCode.encode(cardNo), format.paper() == Paper.MM58 ? 6 : 8)
                .centered(doc.word(ReceiptText.SHOW_AT_TILL), false, Size.NORMAL)
                .rule()
                .footer();
        return doc.build();
    }
}
