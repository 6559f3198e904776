package io.chainpos.till.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.event.Tender;
import io.chainpos.model.event.TenderMethod;
import io.chainpos.model.id.Sku;
import io.chainpos.till.sale.Checkout;
import io.chainpos.till.stock.StockEntry;
import io.chainpos.till.testing.HeadOfficeEvents;
import io.chainpos.till.testing.TestTill;
import java.util.List;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;

/**
 * A stocktake on the real screens (Ctrl+T, then F5), 20 colas and 10 breads in stock: in English, a category counted
 * while a cola sells, a quantity that is no number refused, a miscount corrected, a wrong PIN refused and the manager's
 * approving it; in Chinese, the whole store with an empty stocktake refused, an unknown code refused, and the uncounted
 * bread booked as none left.
 */
class StocktakeScreenTest extends ScreenTestBase {

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Override
    void before(TestTill ready) {
        ready.stockDesk.receiveGoods().receive(null, null,
                List.of(StockEntry.of(HeadOfficeEvents.COLA_BARCODE, "20"), StockEntry.of(HeadOfficeEvents.BREAD.value(), "10")), "owner");
    }

    @Test
    void aCategoryCountedWhileSalesGoOnAndApprovedByTheManager() {
        signInAsOwner();
        screen.ctrl(KeyCode.T).waitFor("#stock-screen").press(KeyCode.F5).waitFor("#stocktake-screen");
        screen.waitForText("#stocktake-screen #notice", "No stocktake open");
        screen.click("#stocktake-label").write("DRINKS").press(KeyCode.F2);
        screen.waitForText("#stocktake-title", "Stocktake of category DRINKS");

        screen.click("#stocktake-code").write("100001").click("#stocktake-qty").press(KeyCode.END, KeyCode.BACK_SPACE).write("abc")
                .press(KeyCode.ENTER);
        screen.waitForText("#stocktake-screen #notice", "Quantity of 100001: 'abc' is not a number.");
        screen.click("#stocktake-code").write("100001").click("#stocktake-qty").press(KeyCode.END, KeyCode.BACK_SPACE).write("12")
                .press(KeyCode.ENTER);
        screen.waitForText("#stocktake-line-100001", "100001 可口可乐 330ml: counted 12, on hand when counted 20, difference -8");
        sellACola();                                            // after the count: the difference stands
        screen.click("#stocktake-code").write("100001").click("#stocktake-qty").press(KeyCode.END, KeyCode.BACK_SPACE).write("19")
                .press(KeyCode.F6);
        screen.waitForText("#stocktake-line-100001", "counted 19, on hand when counted 19, difference 0");
        screen.click("#stocktake-code").write("100001").click("#stocktake-qty").press(KeyCode.END, KeyCode.BACK_SPACE).write("18")
                .press(KeyCode.F6);
        screen.waitForText("#stocktake-line-100001", "counted 18, on hand when counted 19, difference -1");
        sellACola();
        assertThat(screen.text("#stocktake-uncounted")).isEqualTo(
                "0 products in scope not counted: they keep their stock (F7 to book them as none left).");

        screen.press(KeyCode.F12).waitFor("#manager-pin").write("0000").press(KeyCode.ENTER).waitUntilGone("#manager-pin");
        screen.waitForText("#stocktake-screen #notice", "That PIN may not approve a stocktake: a manager or owner must.");
        assertThat(stock(HeadOfficeEvents.COLA)).as("nothing recorded").isEqualTo(18_000);

        screen.press(KeyCode.F12).waitFor("#manager-pin").write(TestTill.MANAGER_PIN).press(KeyCode.ENTER).waitUntilGone("#manager-pin");
        screen.waitForText("#stocktake-screen #notice", "Stocktake S001-T1-1-K000001 approved by 王经理: 1 products adjusted.");
        assertThat(stock(HeadOfficeEvents.COLA)).as("20 - 2 sold - 1 missing").isEqualTo(17_000);
        assertThat(stock(HeadOfficeEvents.BREAD)).as("another category").isEqualTo(10_000);
        screen.waitForText("#stocktake-title", "Stocktake (盘点)");
        screen.press(KeyCode.ESCAPE).waitUntilGone("#stocktake-screen").waitFor("#stock-screen");
    }

    @Test
    void inChineseTheWholeStoreWithTheUncountedBreadBookedAsNoneLeft() {
        signInAsOwner();
        screen.ctrl(KeyCode.L);
        screen.ctrl(KeyCode.T).waitFor("#stock-screen").press(KeyCode.F5).waitFor("#stocktake-screen");
        screen.press(KeyCode.F12).waitForText("#stocktake-screen #notice", "没有进行中的盘点：请先开始盘点。");
        screen.press(KeyCode.F1).waitForText("#stocktake-title", "全店盘点");
        screen.press(KeyCode.F12).waitForText("#stocktake-screen #notice", "尚未盘点任何商品：空盘点单不能审核。");

        screen.scan("6909999999999").waitForText("#stocktake-screen #notice", "找不到商品编码 6909999999999。");
        screen.scan(HeadOfficeEvents.COLA_BARCODE).scan(HeadOfficeEvents.COLA_BARCODE);
        screen.waitForText("#stocktake-line-100001", "100001 可口可乐 330ml：实盘 2，盘点时账面 20，差异 -18");
        screen.waitForText("#stocktake-uncounted", "范围内有 1 种商品未盘：保持原库存");
        screen.press(KeyCode.F7).waitForText("#stocktake-uncounted", "范围内有 1 种商品未盘：将按零库存处理");

        screen.press(KeyCode.F12).waitFor("#manager-pin").write(TestTill.MANAGER_PIN).press(KeyCode.ENTER).waitUntilGone("#manager-pin");
        screen.waitForText("#stocktake-screen #notice", "盘点单 S001-T1-1-K000001 已由 王经理 审核：调整 2 种商品。");
        assertThat(stock(HeadOfficeEvents.COLA)).isEqualTo(2_000);
        assertThat(stock(HeadOfficeEvents.BREAD)).isZero();
    }

    private void sellACola() {
        assertThat(till.till.sell(new TestTill.Sale(List.of(new TestTill.Line("100001", 1000)), null,
                List.of(new Tender(TenderMethod.CASH, 1000, null)), "owner"))).isInstanceOf(Checkout.Completed.class);
    }

    private long stock(Sku sku) {
        return till.till.ledger.read(s -> till.till.stockDesk.stock().quantityMilli(s, sku));
    }
}
