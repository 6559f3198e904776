package io.chainpos.server.web;

/** The routes every page relies on: the assets, and the language switch (a cookie; it changes nothing stored). */
final class WebBasics implements PageFeature {
    private final Assets assets = new Assets();

    @Override
    public void addTo(Pages pages) {
        pages.get("/assets/{file}", PageAccess.PUBLIC, this::asset);
        pages.get("/language/{tag}", PageAccess.PUBLIC, request -> {
            Language.ofTag(request.pathParam("tag")).ifPresent(request::rememberLanguage);
            request.redirect(request.query("back").orElse("/"));
        });
    }

    private void asset(PageRequest request) {
        var ctx = request.ctx();
        assets.find(request.pathParam("file")).ifPresentOrElse(asset -> {
            ctx.header("Cache-Control", "public, max-age=86400");
            ctx.contentType(asset.contentType()).result(assets.open(asset));
        }, () -> request.refuse(404, "error.not-found"));
    }
}
