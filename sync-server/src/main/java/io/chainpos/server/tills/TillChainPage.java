package io.chainpos.server.tills;

import io.chainpos.model.event.EventChain;
import io.chainpos.server.web.Formats;
import io.chainpos.server.web.PageAccess;
import io.chainpos.server.web.PageFeature;
import io.chainpos.server.web.PageRequest;
import io.chainpos.server.web.Pages;
import io.chainpos.server.web.Permission;
import java.util.List;
import java.util.Optional;

/**
 * {@code /stores/{store}/tills/{till}/chain}: the till's event chain as the server holds it (防删单), the head of each
 * epoch and the head at each shift close, as seq and the first hex digits of the hash, the way the till's Z report
 * prints them: a printed Z that does not match was printed from a ledger rewritten since.
 */
public final class TillChainPage implements PageFeature {
    static final int CLOSES_SHOWN = 50;

    private final EnrolledTills tills;
    private final TillChains chains;

    public TillChainPage(EnrolledTills tills, TillChains chains) {
        this.tills = tills;
        this.chains = chains;
    }

    @Override
    public String messages() {
        return "tills/chain";
    }

    @Override
    public void addTo(Pages pages) {
        pages.get("/stores/{store}/tills/{till}/chain", PageAccess.store(Permission.VIEW_STORES), this::show);
    }

    /** The page: the till, its heads per epoch and its latest shift closes, as shown. */
    public record ChainView(String store, String till, List<Row> heads, List<Row> closes) {
        /** One point of the chain: the epoch, the seq, the hash cut as a Z report prints it, the whole hash, when. */
        public record Row(int epoch, long seq, String shortHash, String hash, String at) {
        }
    }

    private void show(PageRequest request) {
        String store = request.pathParam("store");
        String till = request.pathParam("till");
        Optional<EnrolledTills.Till> found = tills.find(till).filter(t -> t.store().equals(store));
        if (found.isEmpty()) {
            request.refuse(404, "chain.not-found");
            return;
        }
        Formats formats = request.formatsOf(store);
        List<ChainView.Row> heads = chains.heads(till).stream()
                .map(h -> new ChainView.Row(h.epoch(), h.seq(), EventChain.shortHash(h.hash()), h.hash(), "")).toList();
        List<ChainView.Row> closes = chains.closes(till, CLOSES_SHOWN).stream()
                .map(c -> new ChainView.Row(c.epoch(), c.seq(), EventChain.shortHash(c.hash()), c.hash(), formats.dateTime(c.closedAt())))
                .toList();
        request.render("tills/chain.jte", "chain.title", new ChainView(store, till, heads, closes));
    }
}
