package io.chainpos.till.stock;

import static io.chainpos.till.testing.HeadOfficeEvents.APPLES;
import static io.chainpos.till.testing.HeadOfficeEvents.BREAD;
import static io.chainpos.till.testing.HeadOfficeEvents.COLA;
import static io.chainpos.till.testing.HeadOfficeEvents.COLA_BARCODE;
import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.ManagerApproved;
import io.chainpos.model.event.StockChanged;
import io.chainpos.model.event.StocktakeCompleted;
import io.chainpos.model.event.StocktakeLine;
import io.chainpos.model.event.StocktakeScope;
import io.chainpos.model.event.Tender;
import io.chainpos.model.event.TenderMethod;
import io.chainpos.model.id.Sku;
import io.chainpos.model.testing.ManualClock;
import io.chainpos.till.TillMessage;
import io.chainpos.till.TillWords;
import io.chainpos.till.sale.Checkout;
import io.chainpos.till.testing.TestTill;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A stocktake at a real till ledger: counted while sales go on, approved by a manager, refused when it should be. */
class StocktakeAtTheTillTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-04T02:00:00Z"));
    @TempDir
    Path dir;
    private TestTill till;
    private Stocktaking stocktaking;
    private final List<EventEnvelope> recorded = new ArrayList<>();

    @BeforeEach
    void open() {
        till = TestTill.withCatalog(dir.resolve("till.db"), clock).withStaff();
        stocktaking = till.stockDesk.stocktaking();
        till.stockDesk.receiveGoods().receive(null, null,
                List.of(StockEntry.of(COLA_BARCODE, "20"), StockEntry.of(BREAD.value(), "10"), StockEntry.of(APPLES.value(), "3.5")), "c1");
        till.ledger.onCommit(recorded::addAll);
    }

    @AfterEach
    void close() {
        till.close();
    }

    @Test
    void theDifferenceIsTakenAgainstTheStockWhenEachProductWasCounted() {
        assertThat(stocktaking.start(StocktakeScope.Kind.STORE, null, "c1")).isInstanceOf(Stocktaking.Done.class);
        sell(BREAD.value(), 1);                               // before bread is counted: 9 on hand
        stocktaking.count(COLA_BARCODE, "12", "c1");
        stocktaking.count(COLA_BARCODE, "5", "c1");           // scanned again: 17 counted, against 20
        sell(COLA.value(), 2);                                // after cola was counted: its difference stands
        stocktaking.count(BREAD.value(), "7", "c2");
        stocktaking.correct(BREAD.value(), "8", "c2");        // a miscount corrected: 8 against 9

        Stocktaking.Approved approved = (Stocktaking.Approved) stocktaking.approve(TestTill.MANAGER_PIN, false);

        StocktakeCompleted done = approved.stocktake();
        assertThat(done.stocktakeNo()).isEqualTo("S001-T1-1-K000001");
        assertThat(done.lines()).containsExactly(StocktakeLine.of(COLA, 17_000, 20_000), StocktakeLine.of(BREAD, 8_000, 9_000));
        assertThat(done.countedBy()).isEqualTo("c1, c2");
        assertThat(done.approvedBy()).isEqualTo("manager");
        assertThat(done.approverName()).isEqualTo("王经理");
        assertThat(done.uncountedAsZero()).isFalse();
        assertThat(stock(COLA)).isEqualTo(15_000);            // 20 - 2 sold - 3 missing
        assertThat(stock(BREAD)).isEqualTo(8_000);
        assertThat(stock(APPLES)).as("not counted, left as it stood").isEqualTo(3_500);
        assertThat(recorded).extracting(EventEnvelope::payload)
                .filteredOn(e -> e instanceof StockChanged c && c.reason() == StockChanged.Reason.STOCKTAKE)
                .containsExactly(new StockChanged(done.storeId(), COLA, -3_000, StockChanged.Reason.STOCKTAKE, done.stocktakeNo()),
                        new StockChanged(done.storeId(), BREAD, -1_000, StockChanged.Reason.STOCKTAKE, done.stocktakeNo()));
        assertThat(recorded).extracting(EventEnvelope::payload).filteredOn(ManagerApproved.class::isInstance)
                .containsExactly(new ManagerApproved(Stocktaking.ACTION, "manager", "c1", done.stocktakeNo(), "stocktake of 2 products"));
        assertThat(say(approved.message(), Locale.ENGLISH)).isEqualTo("Stocktake S001-T1-1-K000001 approved by 王经理: 2 products adjusted.");
        assertThat(till.ledger.read(stocktaking.sheet()::open)).as("the stocktake is closed").isEmpty();
        int kept = till.ledger.read(s -> s.handle().createQuery("SELECT COUNT(*) FROM stocktake_lines").mapTo(Integer.class).one());
        assertThat(kept).as("the till keeps the approved stocktake").isEqualTo(2);
    }

    @Test
    void uncountedProductsInScopeAreBookedAsNoneLeftOnlyWhenTheApproverSaysSo() {
        stocktaking.start(StocktakeScope.Kind.STORE, null, "c1");
        stocktaking.count(COLA_BARCODE, "20", "c1");
        assertThat(uncounted()).containsExactly(BREAD, APPLES);

        StocktakeCompleted done = ((Stocktaking.Approved) stocktaking.approve(TestTill.MANAGER_PIN, true)).stocktake();

        assertThat(done.lines()).containsExactly(StocktakeLine.of(COLA, 20_000, 20_000), StocktakeLine.of(BREAD, 0, 10_000),
                StocktakeLine.of(APPLES, 0, 3_500));
        assertThat(stock(BREAD)).isZero();
        assertThat(stock(APPLES)).isZero();
        assertThat(recorded).extracting(EventEnvelope::payload).filteredOn(StockChanged.class::isInstance).hasSize(2);
    }

    @Test
    void aCategoryCountsOnlyItsOwnProducts() {
        assertThat(say(((Stocktaking.Refused) stocktaking.start(StocktakeScope.Kind.CATEGORY, "TOYS", "c1")).reason(), Locale.ENGLISH))
                .isEqualTo("No product of the catalog is in category TOYS.");
        stocktaking.start(StocktakeScope.Kind.CATEGORY, "DRINKS", "c1");
        Stocktaking.Result bread = stocktaking.count(BREAD.value(), "1", "c1");
        stocktaking.count(COLA_BARCODE, "19", "c1");

        assertThat(say(((Stocktaking.Refused) bread).reason(), Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("商品 100002 属于品类 BAKERY，不在本次盘点的品类 DRINKS 内。");
        assertThat(uncounted()).isEmpty();
        StocktakeCompleted done = ((Stocktaking.Approved) stocktaking.approve(TestTill.MANAGER_PIN, true)).stocktake();
        assertThat(done.scope()).isEqualTo(new StocktakeScope(StocktakeScope.Kind.CATEGORY, "DRINKS"));
        assertThat(done.lines()).containsExactly(StocktakeLine.of(COLA, 19_000, 20_000));
        assertThat(stock(BREAD)).isEqualTo(10_000);
    }

    @Test
    void badInputIsRefusedInBothLanguagesAndNothingIsRecorded() {
        assertThat(refusal(stocktaking.count(COLA_BARCODE, "1", "c1"))).isEqualTo(TillMessage.of(TillMessage.Code.STOCKTAKE_NONE_OPEN));
        stocktaking.start(StocktakeScope.Kind.SHELF, "A-03", "c1");
        int before = recorded.size();

        TillMessage notANumber = refusal(stocktaking.count(COLA_BARCODE, "abc", "c1"));
        TillMessage negative = refusal(stocktaking.count(COLA_BARCODE, "-2", "c1"));
        TillMessage unknown = refusal(stocktaking.count("6909999999999", "1", "c1"));
        TillMessage empty = ((Stocktaking.NotApproved) stocktaking.approve(TestTill.MANAGER_PIN, false)).reason();
        stocktaking.count(COLA_BARCODE, "3", "c1");
        TillMessage noPin = ((Stocktaking.NotApproved) stocktaking.approve("", false)).reason();
        TillMessage wrongPin = ((Stocktaking.NotApproved) stocktaking.approve("0000", false)).reason();
        TillMessage twice = refusal(stocktaking.start(StocktakeScope.Kind.STORE, null, "c1"));

        assertThat(say(notANumber, Locale.ENGLISH)).isEqualTo("Quantity of 6901234567892: 'abc' is not a number.");
        assertThat(say(notANumber, Locale.SIMPLIFIED_CHINESE)).isEqualTo("6901234567892 的数量“abc”不是数字。");
        assertThat(say(negative, Locale.ENGLISH)).isEqualTo("Quantity of 6901234567892: -2 is below zero.");
        assertThat(say(negative, Locale.SIMPLIFIED_CHINESE)).isEqualTo("6901234567892 的数量 -2 小于零。");
        assertThat(unknown).isEqualTo(TillMessage.of(TillMessage.Code.UNKNOWN_PRODUCT, "6909999999999"));
        assertThat(say(empty, Locale.ENGLISH)).isEqualTo("Nothing was counted: an empty stocktake cannot be approved.");
        assertThat(say(empty, Locale.SIMPLIFIED_CHINESE)).isEqualTo("尚未盘点任何商品：空盘点单不能审核。");
        assertThat(say(noPin, Locale.ENGLISH)).isEqualTo("Finishing a stocktake needs a manager's PIN.");
        assertThat(say(wrongPin, Locale.ENGLISH)).isEqualTo("That PIN may not approve a stocktake: a manager or owner must.");
        assertThat(say(wrongPin, Locale.SIMPLIFIED_CHINESE)).isEqualTo("此 PIN 无权审核盘点：须由店长或店主审核。");
        assertThat(say(twice, Locale.ENGLISH)).isEqualTo("A stocktake (SHELF A-03) is already open at this till: finish or cancel it first.");
        assertThat(recorded).as("nothing recorded by a refusal").hasSize(before);
        assertThat(stock(COLA)).isEqualTo(20_000);
        assertThat(till.ledger.read(stocktaking.sheet()::counts)).extracting(StocktakeStore.Count::countedMilli).containsExactly(3_000L);
    }

    @Test
    void aCancelledStocktakeLeavesNoTrace() {
        stocktaking.start(StocktakeScope.Kind.STORE, null, "c1");
        stocktaking.count(COLA_BARCODE, "1", "c1");

        assertThat(stocktaking.cancel()).isInstanceOf(Stocktaking.Done.class);

        assertThat(recorded).isEmpty();
        assertThat(till.ledger.read(stocktaking.sheet()::open)).isEmpty();
        assertThat(till.ledger.read(stocktaking.sheet()::counts)).isEmpty();
    }

    @Test
    void anOpenStocktakeSurvivesARestartOfTheTill() {
        stocktaking.start(StocktakeScope.Kind.SHELF, "B-1", "c1");
        stocktaking.count(COLA_BARCODE, "4", "c1");
        till.close();

        till = new TestTill(dir.resolve("till.db"), clock, "S001", "S001-T1");
        stocktaking = till.stockDesk.stocktaking();

        assertThat(till.ledger.read(stocktaking.sheet()::open)).hasValueSatisfying(o -> assertThat(o.scope().label()).isEqualTo("B-1"));
        assertThat(till.ledger.read(stocktaking.sheet()::counts)).extracting(StocktakeStore.Count::countedMilli).containsExactly(4_000L);
    }

    private void sell(String code, long pieces) {
        assertThat(till.sell(new TestTill.Sale(List.of(new TestTill.Line(code, pieces * 1000)), null,
                List.of(new Tender(TenderMethod.CASH, 100_000, null)), "c1"))).isInstanceOf(Checkout.Completed.class);
    }

    private List<Sku> uncounted() {
        return till.ledger.read(s -> stocktaking.uncounted(s, clock.instant()));
    }

    private static TillMessage refusal(Stocktaking.Result result) {
        return ((Stocktaking.Refused) result).reason();
    }

    private static String say(TillMessage message, Locale locale) {
        return new TillWords(locale).say(message);
    }

    private long stock(Sku sku) {
        return till.ledger.read(s -> till.stockDesk.stock().quantityMilli(s, sku));
    }
}
