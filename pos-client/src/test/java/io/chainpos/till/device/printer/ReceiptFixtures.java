package io.chainpos.till.device.printer;

import io.chainpos.model.event.AppliedPromotion;
import io.chainpos.model.event.SaleCompleted;
import io.chainpos.model.event.SaleLine;
import io.chainpos.model.event.Tender;
import io.chainpos.model.event.TenderMethod;
import io.chainpos.model.id.MemberId;
import io.chainpos.model.id.ReceiptNo;
import io.chainpos.model.id.SaleId;
import io.chainpos.model.id.Sku;
import io.chainpos.model.id.TillId;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/** One fixed member sale with promotions, a weighed line, a long name, two tenders and change. */
final class ReceiptFixtures {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Instant SOLD_AT = Instant.parse("2026-11-23T02:15:30Z");
    static final ReceiptNo RECEIPT = new ReceiptNo("S001-T1-1-000042");
    static final TillId TILL = new TillId("S001-T1");

    private ReceiptFixtures() {
    }

    static SaleCompleted sale() {
        return new SaleCompleted(new SaleId(UUID.fromString("0192f0a0-0000-7000-8000-000000000010")), RECEIPT,
                new MemberId(UUID.fromString("0192f0a0-0000-7000-8000-000000000001")), "CNY",
                List.of(new SaleLine(new Sku("100001"), "可口可乐 330ml", 2000, 350, 100, 600,
                                List.of(new AppliedPromotion("MEMBER_PRICE", "会员价", 100))),
                        new SaleLine(new Sku("210001"), "红富士苹果", 1250, 1280, 0, 1600, List.of()),
                        new SaleLine(new Sku("100002"), "Wholemeal sourdough bread, sliced, family size", 1000, 800, 0, 800,
                                List.of())),
                List.of(new AppliedPromotion("MJ-20-2", "满20减2", 200)),
                3100, 300, 2800,
                List.of(new Tender(TenderMethod.MOBILE_WALLET, 800, "WX4200001234"), new Tender(TenderMethod.CASH, 5000, null)),
                3000, 7, "cashier-01");
    }

    static SaleReceipt receipt(Instant reprintedAt) {
        return new SaleReceipt(sale(), TILL, SOLD_AT, new SaleReceipt.MemberPoints("8800****0017", 28, 128), reprintedAt);
    }

    static ReceiptFormat format(Paper paper, Language language) {
        return format(paper, language, CodePage.GB18030, ReceiptCode.AUTO);
    }

    static ReceiptFormat format(Paper paper, Language language, CodePage codePage, ReceiptCode code) {
        return new ReceiptFormat(paper, codePage, language, SHANGHAI, List.of("全家便利 中山路店", "上海市中山路100号"),
                List.of(language == Language.ZH ? "谢谢惠顾，欢迎再来" : "Thank you, see you soon"), code);
    }
}
