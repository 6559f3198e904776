package io.chainpos.server.stock;

import io.chainpos.model.id.Sku;
import io.chainpos.model.id.StoreId;
import io.chainpos.server.auth.Access;
import io.chainpos.server.http.ApiProblem;
import io.chainpos.server.http.Requests;
import io.chainpos.server.http.Routes;
import io.chainpos.server.store.EventStore;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** {@code GET /api/v1/stock?storeId=&sku=}: a store's merged quantity of one SKU. */
public final class StockRoutes implements Routes {
    private final Access access;
    private final EventStore store;

    public StockRoutes(Access access, EventStore store) {
        this.access = access;
        this.store = store;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/api/v1/stock", this::stock);
    }

    private void stock(Context ctx) {
        access.tillOrHeadOffice(ctx);
        try {
            StoreId storeId = StoreId.of(Requests.requiredParam(ctx, "storeId"));
            Sku sku = Sku.of(Requests.requiredParam(ctx, "sku"));
            ctx.json(store.stock(storeId, sku));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest(Requests.abbreviateLong(e.getMessage()));
        }
    }
}
