package io.chainpos.till.loyalty;

import io.chainpos.model.event.TierRulesPublished;
import io.chainpos.till.TillMessage;
import io.chainpos.till.catalog.CatalogStore;
import io.chainpos.till.ledger.Ledger;
import io.chainpos.till.ledger.LedgerSession;
import io.chainpos.till.member.FindMember;
import io.chainpos.till.member.Member;
import io.chainpos.till.member.MemberStore;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * A member as the counter shows them: found by phone, card number or a scanned member QR code, with their
 * tier's name, points and stored value as this till knows them (its own ledger, merged with what it pulled).
 */
public final class MemberAccounts {

    /** A member with their balances; {@code tierZh}/{@code tierEn} fall back to the tier code without tier rules. */
    public record MemberAccount(Member member, String tierZh, String tierEn, long points, long storedValue) {
    }

    public sealed interface Lookup permits Found, NotFound {
    }

    /** One member, or more than one with the same phone until head office's merge arrives. */
    public record Found(List<MemberAccount> accounts) implements Lookup {
        public Found {
            accounts = List.copyOf(accounts);
        }
    }

    public record NotFound(TillMessage reason) implements Lookup {
    }

    private final Ledger ledger;
    private final MemberStore members;
    private final BalanceStore balances;
    private final CatalogStore catalog;
    private final Clock clock;
    private final FindMember findMember;

    public MemberAccounts(Ledger ledger, MemberStore members, BalanceStore balances, CatalogStore catalog, Clock clock) {
        this.ledger = ledger;
        this.members = members;
        this.balances = balances;
        this.catalog = catalog;
        this.clock = clock;
        this.findMember = new FindMember(ledger, members);
    }

    /**
     * By a phone number, a member card number or the text of a member QR code, as the member feature finds them
     * ({@link FindMember}: a code whose check fails is refused, never looked up as something else).
     */
    public Lookup find(String phoneCardOrCode) {
        return switch (findMember.find(phoneCardOrCode)) {
            case FindMember.Found found -> new Found(List.of(account(found.member())));
            case FindMember.Several several -> new Found(ledger.read(session -> several.members().stream()
                    .map(member -> account(session, member)).toList()));
            case FindMember.NotFound notFound -> new NotFound(notFound.reason());
            case FindMember.BadCode badCode -> new NotFound(badCode.reason());
        };
    }

    /** The member's account now (after a sale earned points, say). */
    public MemberAccount account(Member member) {
        return ledger.read(session -> account(session, member));
    }

    private MemberAccount account(LedgerSession session, Member member) {
        Optional<TierRulesPublished.Tier> tier = catalog.tierRules(session, clock.instant()).stream()
                .flatMap(rules -> rules.tiers().stream())
                .filter(t -> t.code().equals(member.tierCode()))
                .findFirst();
        String code = member.tierCode() == null ? "" : member.tierCode();
        return new MemberAccount(member, tier.map(TierRulesPublished.Tier::nameZh).orElse(code),
                tier.map(TierRulesPublished.Tier::nameEn).orElse(code),
                balances.points(session, member.memberId()), balances.storedValue(session, member.memberId()));
    }
}
