package io.chainpos.bench;

import io.chainpos.model.event.CatalogItemUpserted;
import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.id.EventId;
import io.chainpos.model.id.Sku;
import io.chainpos.model.id.StoreId;
import io.chainpos.model.id.TillId;
import io.chainpos.model.json.EventCodec;
import io.chainpos.till.TillProjections;
import io.chainpos.till.catalog.CatalogStore;
import io.chainpos.till.catalog.Product;
import io.chainpos.till.catalog.SearchProducts;
import io.chainpos.till.ledger.Ledger;
import io.chainpos.till.ledger.TillIdentity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Finding a product by name or pinyin initials (Ctrl+F, {@code find}) in a large catalog, a harness that prints its
 * figures: a head-office catalog of {@code bench.products} (300,000) items with Chinese names made of real brands,
 * products, flavours and sizes is pulled through the ledger's pull path; then {@code bench.searches} (2,000) searches
 * of each kind are timed one by one through {@link SearchProducts#byName} (30 results at most, as the sale screen
 * asks), after {@code bench.warmup} (500). Also timed: the first search, which reads the catalog's names into memory.
 */
public final class ProductSearchBench {
    private static final int PRODUCTS = Integer.getInteger("bench.products", 300_000);
    private static final int SEARCHES = Integer.getInteger("bench.searches", 2_000);
    private static final int WARMUP = Integer.getInteger("bench.warmup", 500);
    private static final int LIMIT = 30;

    private static final String[][] BRANDS = {{"可口可乐", "Coca-Cola"}, {"百事", "Pepsi"}, {"农夫山泉", "Nongfu"},
            {"康师傅", "Master Kong"}, {"统一", "Uni-President"}, {"伊利", "Yili"}, {"蒙牛", "Mengniu"}, {"旺旺", "Want Want"},
            {"乐事", "Lay's"}, {"德芙", "Dove"}, {"奥利奥", "Oreo"}, {"雀巢", "Nestle"}, {"娃哈哈", "Wahaha"},
            {"王老吉", "Wanglaoji"}, {"海天", "Haitian"}, {"李锦记", "Lee Kum Kee"}, {"金龙鱼", "Arawana"}, {"青岛", "Tsingtao"},
            {"三只松鼠", "Three Squirrels"}, {"良品铺子", "Bestore"}, {"光明", "Bright"}, {"达利园", "Daliyuan"},
            {"白象", "Baixiang"}, {"今麦郎", "Jinmailang"}, {"元气森林", "Genki Forest"}, {"东鹏", "Eastroc"},
            {"老干妈", "Laoganma"}, {"双汇", "Shineway"}, {"安慕希", "Ambrosial"}, {"蒙牛特仑苏", "Telunsu"}};
    private static final String[][] GOODS = {{"矿泉水", "water"}, {"绿茶", "green tea"}, {"冰红茶", "iced tea"},
            {"纯牛奶", "milk"}, {"酸奶", "yoghurt"}, {"饼干", "biscuits"}, {"薯片", "crisps"}, {"巧克力", "chocolate"},
            {"方便面", "noodles"}, {"酱油", "soy sauce"}, {"食用油", "cooking oil"}, {"啤酒", "beer"}, {"果汁", "juice"},
            {"面包", "bread"}, {"火腿肠", "ham sausage"}, {"坚果", "nuts"}, {"汽水", "soda"}, {"咖啡", "coffee"},
            {"蛋糕", "cake"}, {"辣酱", "chili sauce"}, {"瓜子", "sunflower seeds"}, {"牛肉干", "beef jerky"}};
    private static final String[][] KINDS = {{"原味", "original"}, {"草莓味", "strawberry"}, {"香草味", "vanilla"},
            {"柠檬味", "lemon"}, {"红烧牛肉", "braised beef"}, {"麻辣", "spicy"}, {"低糖", "low sugar"}, {"无糖", "sugar free"},
            {"家庭装", "family pack"}, {"特浓", "extra strong"}, {"经典", "classic"}, {"清爽", "light"}, {"海盐", "sea salt"},
            {"黑椒", "black pepper"}, {"芒果味", "mango"}, {"桃子味", "peach"}};
    private static final String[] SIZES = {"250ml", "330ml", "500ml", "550ml", "1L", "1.5L", "2L", "45g", "70g", "100g",
            "150g", "200g", "500g", "1kg", "6连包", "12瓶", "24罐"};

    private ProductSearchBench() {
    }

    public static void main(String[] args) throws Exception {
        Path base = Files.createDirectories(Path.of(System.getProperty("bench.dir", "target")).toAbsolutePath());
        Path dir = Files.createTempDirectory(base, "search");
        EventCodec codec = EventCodec.standard();
        Clock clock = Clock.systemUTC();
        List<String> names = new ArrayList<>();
        long loadStart = System.nanoTime();
        try (Ledger ledger = Ledger.open(dir.resolve("till.db"), clock, codec, TillProjections.standard(codec))) {
            ledger.registration().enroll(new TillIdentity(new StoreId("S001"), new TillId("S001-T1"), 1));
            load(ledger, clock, names);
            System.out.printf(Locale.ROOT, "catalog of %,d products pulled in %.1f s%n", PRODUCTS, (System.nanoTime() - loadStart) / 1e9);
            SearchProducts search = new SearchProducts(ledger, new CatalogStore(codec), clock);
            long first = System.nanoTime();
            int found = search.byName("kkkl", LIMIT).size();
            System.out.printf(Locale.ROOT, "first search (reads %,d names into memory): %.0f ms, %d found%n", PRODUCTS,
                    (System.nanoTime() - first) / 1e6, found);
            SplittableRandom random = new SplittableRandom(7);
            Map<String, Function<SplittableRandom, String>> kinds = new LinkedHashMap<>();
            kinds.put("initials of brand and product (kkkl)", r -> initials(BRANDS[r.nextInt(BRANDS.length)][0])
                    + initials(GOODS[r.nextInt(GOODS.length)][0]));
            kinds.put("two characters of a name (口可)", r -> {
                String name = names.get(r.nextInt(names.size()));
                int at = r.nextInt(name.indexOf(' ') - 1);
                return name.substring(at, at + 2);
            });
            kinds.put("initials of a whole name (few matches)", r -> initials(names.get(r.nextInt(names.size()))));
            kinds.put("English word (cola)", r -> GOODS[r.nextInt(GOODS.length)][1].split(" ")[0]);
            kinds.put("nothing matches (zzqx)", r -> "zzq" + (char) ('a' + r.nextInt(26)));
            for (var kind : kinds.entrySet()) {
                for (int i = 0; i < WARMUP; i++) {
                    search.byName(kind.getValue().apply(random), LIMIT);
                }
                long[] nanos = new long[SEARCHES];
                long results = 0;
                for (int i = 0; i < SEARCHES; i++) {
                    String query = kind.getValue().apply(random);
                    long start = System.nanoTime();
                    List<Product> hits = search.byName(query, LIMIT);
                    nanos[i] = System.nanoTime() - start;
                    results += hits.size();
                }
                Arrays.sort(nanos);
                System.out.printf(Locale.ROOT, "%-40s p50 %6.2f ms  p90 %6.2f ms  p99 %6.2f ms  max %6.2f ms  (%.1f results a search)%n",
                        kind.getKey(), at(nanos, 50), at(nanos, 90), at(nanos, 99), nanos[nanos.length - 1] / 1e6,
                        results / (double) SEARCHES);
            }
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void load(Ledger ledger, Clock clock, List<String> names) {
        SplittableRandom random = new SplittableRandom(3);
        Instant from = Instant.parse("2026-01-01T00:00:00Z");
        long seq = 0;
        for (int start = 0; start < PRODUCTS; start += 5_000) {
            List<EventEnvelope> batch = new ArrayList<>();
            for (int n = start; n < Math.min(PRODUCTS, start + 5_000); n++) {
                String[] brand = BRANDS[random.nextInt(BRANDS.length)];
                String[] goods = GOODS[random.nextInt(GOODS.length)];
                String[] kind = KINDS[random.nextInt(KINDS.length)];
                String size = SIZES[random.nextInt(SIZES.length)];
                String nameZh = brand[0] + goods[0] + kind[0] + " " + size;
                names.add(nameZh);
                batch.add(hq(clock, ++seq, new CatalogItemUpserted(1, from, Sku.of("P%06d".formatted(n)),
                        List.of(BenchTill.barcode(n)), nameZh, brand[1] + " " + goods[1] + " " + kind[1] + " " + size,
                        "CAT" + n % 40, CatalogItemUpserted.Unit.PIECE, 100 + n % 5_000, null, 1300, true)));
            }
            ledger.remote().applyPulled(batch, seq);
        }
    }

    /** The initials a cashier types for a name: its first reading's, as the till's catalog indexes them. */
    private static String initials(String nameZh) {
        return io.chainpos.till.catalog.SearchProducts.initialsOf(nameZh).split(" ")[0];
    }

    private static EventEnvelope hq(Clock clock, long seq, io.chainpos.model.event.Event payload) {
        return new EventEnvelope(EventId.newId(clock), new StoreId("HQ"), new TillId("HQ"), 1, seq,
                (clock.millis() << 16) + seq, clock.instant(), payload);
    }

    private static double at(long[] sorted, int percentile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)] / 1e6;
    }
}
