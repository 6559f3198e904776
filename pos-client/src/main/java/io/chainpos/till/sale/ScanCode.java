package io.chainpos.till.sale;

import io.chainpos.model.id.CardNo;
import io.chainpos.model.money.Money;
import io.chainpos.model.scan.BarcodeParser;
import io.chainpos.model.scan.ScaleLayout;
import io.chainpos.model.scan.Scan;
import io.chainpos.till.TillMessage;
import io.chainpos.till.catalog.CatalogStore;
import io.chainpos.till.catalog.Product;
import io.chainpos.till.ledger.LedgerSession;
import io.chainpos.till.member.Member;
import io.chainpos.till.member.MemberStore;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Optional;

/**
 * Turns what was scanned or typed at the sale field into a product line or a member: retail barcodes, scale
 * labels, SKUs, member cards and member QR codes all go in the same field. A wrong check digit is still
 * tried as a typed SKU or card number before the cashier is told.
 */
public final class ScanCode {

    public sealed interface Resolved permits ProductFound, MemberFound, NotFound {
    }

    /** A product and the quantity the code carries (a scale label) or the one asked for. */
    public record ProductFound(Product product, long qtyMilli) implements Resolved {
    }

    public record MemberFound(Member member) implements Resolved {
    }

    public record NotFound(TillMessage reason) implements Resolved {
    }

    private final CatalogStore catalog;
    private final MemberStore members;
    private final BarcodeParser parser;

    public ScanCode(CatalogStore catalog, MemberStore members, ScaleLayout scale) {
        this.catalog = catalog;
        this.members = members;
        this.parser = new BarcodeParser(scale);
    }

    public Resolved resolve(LedgerSession session, String input, long qtyMilli, Instant at) {
        return switch (parser.parse(input)) {
            case Scan.ProductCode code -> {
                for (String form : code.lookupForms()) {
                    Optional<Product> product = catalog.findByCode(session, form, at);
                    if (product.isPresent()) {
                        yield new ProductFound(product.get(), qtyMilli);
                    }
                }
                yield memberByCard(session, code.code()).<Resolved>map(MemberFound::new)
                        .orElse(new NotFound(TillMessage.of(TillMessage.Code.UNKNOWN_PRODUCT, code.code())));
            }
            case Scan.ScaleLabel label -> scaleItem(session, label, at);
            case Scan.MemberQr qr -> members.findByCard(session, qr.cardNo()).<Resolved>map(MemberFound::new)
                    .orElse(new NotFound(TillMessage.of(TillMessage.Code.MEMBER_CARD_UNKNOWN, qr.cardNo().value())));
            case Scan.BadCheckDigit bad -> catalog.findByCode(session, bad.code(), at)
                    .<Resolved>map(p -> new ProductFound(p, qtyMilli))
                    .or(() -> memberByCard(session, bad.code()).map(MemberFound::new))
                    .orElse(new NotFound(TillMessage.of(TillMessage.Code.BAD_CHECK_DIGIT, bad.code())));
            case Scan.Unreadable unreadable -> new NotFound(switch (unreadable.why()) {
                case NOTHING_SCANNED -> TillMessage.of(TillMessage.Code.NOTHING_SCANNED);
                case MEMBER_QR_DAMAGED -> TillMessage.of(TillMessage.Code.MEMBER_QR_DAMAGED);
                case NOT_A_PRODUCT_CODE -> TillMessage.of(TillMessage.Code.NOT_A_PRODUCT_CODE, unreadable.code());
            });
        };
    }

    private Resolved scaleItem(LedgerSession session, Scan.ScaleLabel label, Instant at) {
        Optional<Product> product = catalog.findByCode(session, label.itemCode(), at)
                .or(() -> catalog.findByCode(session, label.itemCode().replaceFirst("^0+(?=.)", ""), at))
                .filter(Product::weighed);
        if (product.isEmpty()) {
            return new NotFound(TillMessage.of(TillMessage.Code.NO_WEIGHED_PRODUCT, label.itemCode()));
        }
        long qty = switch (label.kind()) {
            case WEIGHT -> label.value();
            // The label carries the price: the weight is what that price buys at the price per kilo.
            case PRICE -> product.get().price() == 0 ? 0 : BigDecimal.valueOf(label.value()).movePointRight(3)
                    .divide(BigDecimal.valueOf(product.get().price()), 0, RoundingMode.HALF_UP).longValueExact();
        };
        if (qty <= 0) {
            return new NotFound(TillMessage.of(TillMessage.Code.SCALE_LABEL_EMPTY, label.raw(), Money.cny(label.value())));
        }
        return new ProductFound(product.get(), qty);
    }

    private Optional<Member> memberByCard(LedgerSession session, String code) {
        try {
            return members.findByCard(session, new CardNo(code));
        } catch (IllegalArgumentException notACardNumber) {
            return Optional.empty();
        }
    }
}
