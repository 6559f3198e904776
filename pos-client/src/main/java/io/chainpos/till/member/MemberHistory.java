package io.chainpos.till.member;

import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.id.MemberId;
import io.chainpos.model.json.EventCodec;
import io.chainpos.model.member.HistoryEntry;
import io.chainpos.till.TillMessage;
import io.chainpos.till.ledger.Ledger;
import io.chainpos.till.ledger.LedgerSession;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A member's profile history and purchases across the chain: asked of the server when it answers (every
 * store), from this till's own ledger when it does not (what this till has heard of), and the answer says which.
 */
public final class MemberHistory {

    public sealed interface Result permits FromServer, FromThisTill, UnknownMember {
        List<HistoryEntry> entries();
    }

    /** Every store's history, as the server merged it. */
    public record FromServer(List<HistoryEntry> entries) implements Result {
    }

    /** Only what this till knows; {@code why} says why the server was not asked or did not answer. */
    public record FromThisTill(List<HistoryEntry> entries, TillMessage why) implements Result {
    }

    public record UnknownMember(MemberId memberId) implements Result {
        @Override
        public List<HistoryEntry> entries() {
            return List.of();
        }
    }

    /** The server's side: the member's history as JSON, empty when it does not know the member. */
    @FunctionalInterface
    public interface ChainHistory {
        Optional<String> fetch(MemberId member) throws IOException;
    }

    private static final List<String> TYPES = List.of("MemberRegistered", "MemberProfileChanged", "MembersMerged",
            "MemberErased", "SaleCompleted", "PointsChanged", "StoredValueChanged");

    private final Ledger ledger;
    private final MemberStore members;
    private final EventCodec codec;
    private final ChainHistory server;

    /** {@code server} is null for a till with no server (never enrolled online). */
    public MemberHistory(Ledger ledger, MemberStore members, EventCodec codec, ChainHistory server) {
        this.ledger = ledger;
        this.members = members;
        this.codec = codec;
        this.server = server;
    }

    public Result of(MemberId member) {
        TillMessage why;
        if (server == null) {
            why = TillMessage.of(TillMessage.Code.HISTORY_NO_SERVER);
        } else {
            try {
                Optional<String> json = server.fetch(member);
                if (json.isPresent()) {
                    return new FromServer(parse(json.get()));
                }
                why = TillMessage.of(TillMessage.Code.HISTORY_SERVER_DOES_NOT_KNOW);
            } catch (IOException | RuntimeException e) {
                why = TillMessage.of(TillMessage.Code.HISTORY_SERVER_NO_ANSWER);
            }
        }
        List<HistoryEntry> local = ledger.read(s -> local(s, member));
        return local.isEmpty() ? new UnknownMember(member) : new FromThisTill(local, why);
    }

    private List<HistoryEntry> parse(String json) throws IOException {
        var tree = codec.mapper().readTree(json);
        List<HistoryEntry> out = new ArrayList<>();
        for (var node : tree.path("entries")) {
            out.add(codec.mapper().treeToValue(node, HistoryEntry.class));
        }
        return out;
    }

    private List<HistoryEntry> local(LedgerSession session, MemberId member) {
        Optional<Member> known = members.findById(session, member);
        List<MemberId> family = new ArrayList<>();
        family.add(known.map(Member::memberId).orElse(member));
        family.addAll(members.mergedInto(session, family.getFirst()));
        List<EventEnvelope> events = new ArrayList<>(members.eventsAbout(session, family, TYPES).stream()
                .map(codec::fromJson).toList());
        events.sort(Comparator.comparingLong(EventEnvelope::hlc));
        List<HistoryEntry> out = new ArrayList<>();
        for (EventEnvelope e : events) {
            HistoryEntry.of(e, id -> members.keys().find(session, id)).ifPresent(out::add);
        }
        return out;
    }
}
