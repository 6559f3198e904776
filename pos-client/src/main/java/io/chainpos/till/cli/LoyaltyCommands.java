package io.chainpos.till.cli;

import static io.chainpos.till.cli.CommandLineTill.arg;
import static io.chainpos.till.cli.Text.amount;
import static io.chainpos.till.cli.Text.yuan;

import io.chainpos.model.event.Tender;
import io.chainpos.model.event.TenderMethod;
import io.chainpos.till.TillWords;
import io.chainpos.till.loyalty.ExpiringPoints;
import io.chainpos.till.loyalty.LoyaltyDesk;
import io.chainpos.till.loyalty.RedeemReward;
import io.chainpos.till.loyalty.RefundTopUp;
import io.chainpos.till.loyalty.TopUp;
import io.chainpos.till.member.Member;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** The command line's stored-value and points commands: top up, refund a top-up, rewards, expiring points. */
final class LoyaltyCommands {
    static final String HELP = """
            topup <phone|card> <yuan> <cash|card|wallet> [reference]   sell stored value (充值), with the bonus the rules give
            topup refund <receipt>    give back an unspent top-up (its bonus is withdrawn)
            rewards                   what points can buy       reward <phone|card> <code>   exchange points for a reward
            expiring <days>           members whose points expire within so many days""";

    private final LoyaltyDesk desk;
    private final Function<String, Optional<Member>> lookUp;
    private final String cashier;
    private final PrintStream out;
    private final TillWords speech;

    LoyaltyCommands(LoyaltyDesk desk, Function<String, Optional<Member>> lookUp, String cashier, PrintStream out,
                    TillWords speech) {
        this.desk = desk;
        this.lookUp = lookUp;
        this.cashier = cashier;
        this.out = out;
        this.speech = speech;
    }

    void handle(String[] words) {
        switch (words[0].toLowerCase(Locale.ROOT)) {
            case "topup" -> topUp(words);
            case "rewards" -> desk.redeemReward().rewards().forEach(r -> out.printf("  %-10s %s  %d points%n", r.code(), r.name(), r.points()));
            case "reward" -> reward(words);
            case "expiring" -> expiring(Integer.parseInt(arg(words, 1, "expiring needs a number of days")));
            default -> throw new IllegalArgumentException("unknown command '" + words[0] + "'");
        }
    }

    private void topUp(String[] words) {
        String key = arg(words, 1, "topup needs a member's phone or card, or 'refund'");
        if (key.equalsIgnoreCase("refund")) {
            switch (desk.refundTopUp().refund(arg(words, 2, "topup refund needs the top-up's receipt number"), cashier)) {
                case RefundTopUp.Refunded done -> out.printf("refunded %s by %s; bonus %s withdrawn; stored value now %s%n",
                        yuan(done.refund().paidRefunded()), done.refund().tenders().stream().map(t -> t.method().name().toLowerCase(Locale.ROOT))
                                .toList(), yuan(done.refund().bonusForfeited()), yuan(done.balance().balance()));
                case RefundTopUp.Refused refused -> out.println(speech.say(refused.reason()));
            }
            return;
        }
        Member member = lookUp.apply(key).orElseThrow(() -> new IllegalArgumentException("no member with phone or card " + key));
        long amount = amount(arg(words, 2, "topup needs an amount"));
        TenderMethod method = switch (arg(words, 3, "topup needs how it is paid: cash, card or wallet").toLowerCase(Locale.ROOT)) {
            case "cash" -> TenderMethod.CASH;
            case "card" -> TenderMethod.BANK_CARD;
            case "wallet" -> TenderMethod.MOBILE_WALLET;
            default -> throw new IllegalArgumentException("a top-up is paid by cash, card or wallet");
        };
        String reference = words.length > 4 ? words[4] : null;
        switch (desk.topUp().topUp(new TopUp.Request(member.memberId(), amount, List.of(new Tender(method, amount, reference)), cashier))) {
            case TopUp.ToppedUp done -> out.printf("topped up %s%s, receipt %s; stored value %s (paid %s, bonus %s)%n",
                    yuan(done.topUp().paid()), done.topUp().bonus() > 0 ? " + bonus " + yuan(done.topUp().bonus())
                            + " (" + done.topUp().bonusRule() + ")" : "", done.topUp().receiptNo(), yuan(done.balance().balance()),
                    yuan(done.balance().paid()), yuan(done.balance().bonus()));
            case TopUp.Rejected rejected -> out.println(speech.say(rejected.reason()));
        }
    }

    private void reward(String[] words) {
        String key = arg(words, 1, "reward needs a member's phone or card");
        Member member = lookUp.apply(key).orElseThrow(() -> new IllegalArgumentException("no member with phone or card " + key));
        switch (desk.redeemReward().redeem(member.memberId(), arg(words, 2, "reward needs a reward code (see 'rewards')"), cashier)) {
            case RedeemReward.Redeemed done -> out.printf("%s for %d points%s; %d points left%n", done.reward().rewardCode(),
                    done.reward().points(), done.reward().couponCode() == null ? "" : ": coupon " + done.reward().couponCode(),
                    done.pointsLeft());
            case RedeemReward.Refused refused -> out.println(speech.say(refused.reason()));
        }
    }

    private void expiring(int days) {
        List<ExpiringPoints.Line> lines = desk.expiringPoints().within(days);
        if (lines.isEmpty()) {
            out.println("no member's points expire within " + days + " days");
        }
        lines.forEach(l -> out.printf("  %s  %d points expire after %s (balance %d)%n", l.memberId(), l.points(), l.lastDay(), l.balance()));
    }
}
