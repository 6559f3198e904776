package io.chainpos.server.home;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chainpos.model.sync.SyncException;
import io.chainpos.server.web.NavItem;
import io.chainpos.server.web.OpenExceptions;
import io.chainpos.server.web.PageAccess;
import io.chainpos.server.web.PageFeature;
import io.chainpos.server.web.PageRequest;
import io.chainpos.server.web.Pages;
import io.chainpos.server.web.Permission;
import io.chainpos.server.web.Viewer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * {@code /}: what needs head office's eyes now: the exceptions still open (how many, of which kinds, the newest),
 * the tills enrolled and what head office published last. A store manager sees their store's tills.
 */
public final class HomePage implements PageFeature {
    static final int NEWEST = 5;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HomeFacts facts;
    private final OpenExceptions openExceptions;
    private final IntFunction<List<SyncException>> newestExceptions;
    private final java.util.function.ToLongFunction<Optional<String>> lowStock;

    public HomePage(HomeFacts facts, OpenExceptions openExceptions, IntFunction<List<SyncException>> newestExceptions) {
        this(facts, openExceptions, newestExceptions, store -> 0);
    }

    /** With {@code lowStock}: how many products are below their minimum in a store, or in every store. */
    public HomePage(HomeFacts facts, OpenExceptions openExceptions, IntFunction<List<SyncException>> newestExceptions,
                    java.util.function.ToLongFunction<Optional<String>> lowStock) {
        this.facts = facts;
        this.openExceptions = openExceptions;
        this.newestExceptions = newestExceptions;
        this.lowStock = lowStock;
    }

    @Override
    public String messages() {
        return "home/messages";
    }

    @Override
    public void addTo(Pages pages) {
        PageAccess access = PageAccess.own(Permission.HOME);
        pages.nav(new NavItem("nav.home", "/", access, 0));
        pages.get("/", access, this::home);
    }

    /** The home page's view-model; the exception parts are null for a viewer who may not see exceptions. */
    public record HomeView(String store, long tills, Long openExceptions, List<ExceptionRow> newest, String chart,
                           String lastPublication, String lastPublicationAt, Long lowStock) {
        /** Where the low-stock count leads: the chain's list, or the store manager's store's. */
        public String lowStockHref() {
            return store == null ? "/stock/low" : "/stores/" + store + "/stock/low";
        }
    }

    public record ExceptionRow(String kind, String store, String subject, String detail, String at) {
    }

    private void home(PageRequest request) {
        Viewer viewer = request.viewer();
        Optional<String> store = viewer.store();
        Long open = null;
        List<ExceptionRow> newest = List.of();
        String chart = null;
        if (viewer.may(Permission.VIEW_EXCEPTIONS) && store.isEmpty()) {
            open = openExceptions.count();
            newest = newestExceptions.apply(NEWEST).reversed().stream().map(e -> row(request, e)).toList();
            chart = open > 0 ? chart(request, facts.openExceptionsByKind()) : null;
        }
        Optional<HomeFacts.Publication> published = store.isEmpty() ? facts.lastPublication() : Optional.empty();
        request.render("home.jte", "home.title", new HomeView(store.orElse(null), facts.enrolledTills(store), open, newest, chart,
                published.map(p -> p.type()).orElse(null),
                published.map(p -> request.formats().dateTime(p.at())).orElse(null),
                viewer.may(Permission.VIEW_STOCK) ? lowStock.applyAsLong(store) : null));
    }

    private static ExceptionRow row(PageRequest request, SyncException e) {
        String subject = e.memberId() != null ? e.memberId() : e.sku() != null ? e.sku() : e.eventId() != null ? e.eventId() : "";
        return new ExceptionRow(request.text("exception.kind." + e.kind().name()), e.storeId() == null ? "" : e.storeId(), subject,
                e.detail() == null ? "" : e.detail(), request.formats().dateTime(e.detectedAt()));
    }

    /** An ECharts bar chart of open exceptions per kind, as the JSON option the page's script draws. */
    private static String chart(PageRequest request, Map<String, Long> byKind) {
        ObjectNode option = JSON.createObjectNode();
        ArrayNode names = option.putObject("xAxis").put("type", "category").putArray("data");
        option.putObject("yAxis").put("type", "value").put("minInterval", 1);
        option.putObject("grid").put("containLabel", true).put("left", 8).put("right", 8).put("top", 16).put("bottom", 8);
        ArrayNode values = option.putArray("series").addObject().put("type", "bar").put("name", request.text("home.exceptions"))
                .putArray("data");
        byKind.forEach((kind, count) -> {
            names.add(request.text("exception.kind." + kind));
            values.add(count);
        });
        return option.toString();
    }
}
