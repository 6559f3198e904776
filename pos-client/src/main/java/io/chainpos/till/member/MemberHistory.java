package io.chainpos.till.member;

import io.chainpos.model.event.BalanceEvent;
import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.MemberErased;
import io.chainpos.model.event.MemberEvent;
import io.chainpos.model.event.MembersMerged;
import io.chainpos.model.event.PointsChanged;
import io.chainpos.model.event.SaleCompleted;
import io.chainpos.model.id.MemberId;
import io.chainpos.model.json.EventCodec;
import io.chainpos.model.member.MemberKey;
import io.chainpos.model.member.MemberProfile;
import io.chainpos.model.member.Sealed;
import io.chainpos.till.ledger.Ledger;
import io.chainpos.till.ledger.LedgerSession;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A member's profile history and purchases across the chain: asked of the server when it answers (every
 * store), from this till's own ledger when it does not (what this till has heard of), and the answer says which.
 */
public final class MemberHistory {

    /** One thing that happened to the member; {@code fields} are what it wrote or moved (personal ones opened). */
    public record Entry(Instant occurredAt, String storeId, String tillId, String type, String memberId, Map<String, Object> fields) {
    }

    public sealed interface Result permits FromServer, FromThisTill, UnknownMember {
        List<Entry> entries();
    }

    /** Every store's history, as the server merged it. */
    public record FromServer(List<Entry> entries) implements Result {
    }

    /** Only what this till knows; {@code why} says why the server was not asked or did not answer. */
    public record FromThisTill(List<Entry> entries, String why) implements Result {
    }

    public record UnknownMember(MemberId memberId) implements Result {
        @Override
        public List<Entry> entries() {
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
        String why;
        if (server == null) {
            why = "this till has no sync server";
        } else {
            try {
                Optional<String> json = server.fetch(member);
                if (json.isPresent()) {
                    return new FromServer(parse(json.get()));
                }
                why = "the server does not know this member yet";
            } catch (IOException | RuntimeException e) {
                why = "the server did not answer (" + e.getMessage() + ")";
            }
        }
        List<Entry> local = ledger.read(s -> local(s, member));
        return local.isEmpty() ? new UnknownMember(member) : new FromThisTill(local, why);
    }

    private List<Entry> parse(String json) throws IOException {
        var tree = codec.mapper().readTree(json);
        List<Entry> out = new ArrayList<>();
        for (var node : tree.path("entries")) {
            out.add(codec.mapper().treeToValue(node, Entry.class));
        }
        return out;
    }

    private List<Entry> local(LedgerSession session, MemberId member) {
        Optional<Member> known = members.findById(session, member);
        List<MemberId> family = new ArrayList<>();
        family.add(known.map(Member::memberId).orElse(member));
        family.addAll(members.mergedInto(session, family.getFirst()));
        List<EventEnvelope> events = new ArrayList<>(members.eventsAbout(session, family, TYPES).stream()
                .map(codec::fromJson).toList());
        events.sort(Comparator.comparingLong(EventEnvelope::hlc));
        List<Entry> out = new ArrayList<>();
        for (EventEnvelope e : events) {
            entry(session, e).ifPresent(out::add);
        }
        return out;
    }

    private Optional<Entry> entry(LedgerSession session, EventEnvelope e) {
        Map<String, Object> fields = new LinkedHashMap<>();
        String member;
        switch (e.payload()) {
            case MembersMerged m -> {
                member = m.memberId().toString();
                fields.put("mergedId", m.mergedId().toString());
                fields.put("reason", m.reason());
            }
            case MemberErased erased -> {
                member = erased.memberId().toString();
                fields.put("authorizedBy", erased.authorizedBy());
            }
            case MemberEvent m -> {
                member = m.memberId().toString();
                Optional<MemberKey> key = members.keys().find(session, m.memberId());
                MemberProfile.writtenBy(m).forEach((field, value) -> {
                    if (field != MemberProfile.Field.PHONE_HASH) {
                        fields.put(field.stored(), field.personal()
                                ? key.flatMap(k -> k.open(new Sealed(value))).orElse(null) : value);
                    }
                });
            }
            case SaleCompleted sale -> {
                member = String.valueOf(sale.memberId());
                fields.put("saleId", sale.saleId().toString());
                fields.put("receiptNo", sale.receiptNo().value());
                fields.put("total", sale.total());
                fields.put("lines", sale.lines().size());
            }
            case BalanceEvent balance -> {
                member = balance.memberId().toString();
                fields.put("account", balance instanceof PointsChanged ? "POINTS" : "STORED_VALUE");
                fields.put("delta", balance.delta());
                fields.put("saleId", balance.saleId() == null ? null : balance.saleId().toString());
            }
            default -> {
                return Optional.empty();
            }
        }
        return Optional.of(new Entry(e.occurredAt(), e.storeId().value(), e.tillId().value(), e.type(), member, fields));
    }
}
