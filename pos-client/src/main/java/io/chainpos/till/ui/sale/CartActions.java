package io.chainpos.till.ui.sale;

import io.chainpos.model.sale.DiscountLimits;
import io.chainpos.till.device.drawer.OpenDrawerNoSale;
import io.chainpos.till.device.printer.ReprintReceipt;
import io.chainpos.till.sale.SaleSession;
import io.chainpos.till.ui.Amounts;
import io.chainpos.till.ui.DialogService;
import io.chainpos.till.ui.DialogService.Choice;
import io.chainpos.till.ui.DialogService.Question;
import io.chainpos.till.ui.Notice;
import io.chainpos.till.ui.Tasks;
import io.chainpos.till.ui.TillUseCases;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * What the cashier does to the cart and the drawer from the sale screen: quantity, remove, discount, price
 * override, coupon, hold and recall, void, no sale and reprint. A manager's PIN is asked for exactly when the
 * rules need one (a price override and a void always, a discount past the cashier's limit), before the session
 * is asked, so the cashier never types a PIN for nothing.
 */
public final class CartActions {
    private final SaleViewModel sale;
    private final SaleSession session;
    private final TillUseCases till;
    private final Tasks tasks;
    private final DialogService dialogs;

    CartActions(SaleViewModel sale, SaleSession session, TillUseCases till, Tasks tasks, DialogService dialogs) {
        this.sale = sale;
        this.session = session;
        this.till = till;
        this.tasks = tasks;
        this.dialogs = dialogs;
    }

    /** F2: a new quantity for the selected line. */
    public void changeQuantity() {
        withSelected(row -> ask("qty.title", "qty.prompt", Question.Kind.QUANTITY, Amounts.quantity(row.qtyMilli()),
                text -> {
                    OptionalLong qty = Amounts.parseQuantity(text);
                    if (qty.isEmpty()) {
                        sale.tell(Notice.error("sale.badQuantity", text));
                    } else {
                        run(() -> session.changeQuantity(row.lineNo(), qty.getAsLong()));
                    }
                }));
    }

    /** F3: removes the selected line. */
    public void removeLine() {
        withSelected(row -> run(() -> session.removeLine(row.lineNo())));
    }

    /** F4: money off the selected line; past the cashier's limit a manager approves. */
    public void discountLine() {
        withSelected(row -> ask("discount.title", "discount.prompt", Question.Kind.AMOUNT, "", text -> {
            OptionalLong amount = Amounts.parseYuan(text);
            if (amount.isEmpty()) {
                sale.tell(Notice.error("amount.bad", text));
                return;
            }
            if (DiscountLimits.needsManager(row.gross(), amount.getAsLong(), till.selling().cashierDiscountLimitBasisPoints())) {
                withPin(Notice.info("pin.discount", row.name(), Amounts.money(amount.getAsLong())),
                        pin -> run(() -> session.discountLine(row.lineNo(), amount.getAsLong(), pin)));
            } else {
                run(() -> session.discountLine(row.lineNo(), amount.getAsLong(), null));
            }
        }));
    }

    /** F5: a new unit price for the selected line, always a manager's decision. */
    public void overridePrice() {
        withSelected(row -> ask("price.title", "price.prompt", Question.Kind.AMOUNT, Amounts.yuan(row.unitPrice()), text -> {
            OptionalLong price = Amounts.parseYuan(text);
            if (price.isEmpty()) {
                sale.tell(Notice.error("amount.bad", text));
                return;
            }
            withPin(Notice.info("pin.price", row.name(), Amounts.money(price.getAsLong())),
                    pin -> run(() -> session.overridePrice(row.lineNo(), price.getAsLong(), pin)));
        }));
    }

    /** F6: a coupon code on the sale. */
    public void coupon() {
        ask("coupon.title", "coupon.prompt", Question.Kind.TEXT, "", code -> run(() -> session.addCoupon(code)));
    }

    /** F7: parks the sale to serve the next customer. */
    public void hold() {
        run(session::hold);
    }

    /** F8: takes back a parked sale, chosen from the list. */
    public void recall() {
        tasks.counter(session::heldSales, held -> {
            if (held.isEmpty()) {
                sale.tell(Notice.info("held.none"));
                return;
            }
            List<Choice<Integer>> choices = held.stream()
                    .map(h -> new Choice<>("#" + h.holdNo() + "   " + h.summary() + "   " + h.cashier() + "   "
                            + localTime(h.heldAt()), h.holdNo()))
                    .toList();
            dialogs.choose(Notice.info("held.title"), choices)
                    .thenAccept(chosen -> chosen.ifPresent(no -> run(() -> session.recall(no))));
        }, sale::tell);
    }

    /** F11: abandons the sale; with lines on it a manager approves and the void is recorded. */
    public void voidSale() {
        if (sale.isEmpty()) {
            sale.tell(Notice.info("void.empty"));
            return;
        }
        withPin(Notice.info("pin.void", Amounts.money(sale.totalProperty().get())), pin -> tasks.counter(() -> {
            SaleSession.Outcome outcome = session.voidSale(pin, "voided at the counter");
            if (session.isEmpty()) {
                till.display().welcome();
            }
            return outcome;
        }, sale::show, sale::tell));
    }

    /** Opens the cash drawer with no sale, with a manager's PIN. */
    public void noSale() {
        withPin(Notice.info("pin.noSale"), pin -> tasks.counter(() -> till.noSale().open(pin, sale.cashier().staffId()),
                result -> sale.tell(switch (result) {
                    case OpenDrawerNoSale.Opened opened -> Notice.success("drawer.opened", opened.approvedBy());
                    case OpenDrawerNoSale.Refused refused -> Notice.refused(refused.reason());
                }), sale::tell));
    }

    /** Prints a receipt again, the last one unless another number is typed or scanned. */
    public void reprint() {
        LastSale last = sale.lastSaleProperty().get();
        ask("reprint.title", "reprint.prompt", Question.Kind.TEXT, last == null ? "" : last.receiptNo(), receipt ->
                tasks.counter(() -> till.reprint().reprint(receipt), result -> sale.tell(switch (result) {
                    case ReprintReceipt.Queued queued -> Notice.success("reprint.queued", queued.receiptNo().value());
                    case ReprintReceipt.NotFound notFound -> Notice.refused(notFound.reason());
                }), sale::tell));
    }

    private void run(Tasks.Work<SaleSession.Outcome> change) {
        tasks.counter(change, sale::show, sale::tell);
    }

    private void withSelected(Consumer<CartRow> action) {
        Optional<CartRow> row = sale.selected();
        if (row.isEmpty()) {
            sale.tell(Notice.info(sale.isEmpty() ? "sale.empty" : "sale.selectLine"));
            return;
        }
        action.accept(row.get());
    }

    private void ask(String title, String prompt, Question.Kind kind, String initial, Consumer<String> then) {
        dialogs.ask(new Question(Notice.info(title), Notice.info(prompt), kind, initial))
                .thenAccept(answer -> answer.filter(text -> !text.isBlank()).map(String::strip).ifPresent(then));
    }

    private void withPin(Notice reason, Consumer<String> then) {
        dialogs.managerPin(reason).thenAccept(pin -> pin.ifPresent(then));
    }

    /** When a sale was held, as the store's clock shows it: held sales are today's. */
    private String localTime(String instant) {
        try {
            return java.time.LocalTime.ofInstant(java.time.Instant.parse(instant), till.selling().zone())
                    .truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toString();
        } catch (java.time.format.DateTimeParseException e) {
            return instant;
        }
    }
}
