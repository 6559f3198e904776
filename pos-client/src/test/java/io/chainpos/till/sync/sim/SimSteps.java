package io.chainpos.till.sync.sim;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chainpos.model.event.PointsChanged;
import io.chainpos.model.event.StockChanged;
import io.chainpos.model.event.Tender;
import io.chainpos.model.event.TenderMethod;
import io.chainpos.model.event.UnknownEvent;
import io.chainpos.model.id.MemberId;
import io.chainpos.model.id.Sku;
import io.chainpos.model.id.StoreId;
import io.chainpos.server.demo.DemoData;
import io.chainpos.till.member.Member;
import io.chainpos.till.member.RegisterMember;
import io.chainpos.till.sale.Checkout;
import io.chainpos.till.testing.TestTill;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.UUID;

/**
 * What happens in the chain between two looks at it, chosen by the seed: cashiers sell (with and without
 * members, paying with points), members register, goods arrive, tills sync over the faulty network, time
 * passes, clocks go wrong, tills are cut off, killed, backed up and restored, a till sends an event from a
 * newer version or a poison event.
 */
final class SimSteps {
    /** A member whose balance a poison event claims: excluded from convergence, it is set apart on purpose. */
    static final MemberId POISON_MEMBER = new MemberId(UUID.fromString("01900000-0000-7000-8000-00000000dead"));
    static final long POISON_AMOUNT = 10_000_000_000_000_000L;
    static final List<String> SKUS = List.of("100001", "100002", "100003", "100004", "100006", "100008", "100011", "100016");

    private final Simulation sim;
    private final Random random;
    final List<MemberId> members = new ArrayList<>(List.of(DemoData.ZHANG_WEI, DemoData.LI_NA, DemoData.WANG_FANG));
    private int phones;
    int poisonEvents;
    int newerEvents;
    int snapshotsExpected;

    SimSteps(Simulation sim) {
        this.sim = sim;
        this.random = sim.random();
    }

    void next(int step) {
        SimTill till = sim.tills.get(random.nextInt(sim.tills.size()));
        int r = random.nextInt(100);
        if (r < 30) {
            sell(till);
        } else if (r < 36) {
            register(till);
        } else if (r < 40) {
            goodsArrive(till);
        } else if (r < 64) {
            sim.sync(till);
        } else if (r < 69) {
            sim.deliverDelayed(1 + random.nextInt(3));
        } else if (r < 78) {
            passTime();
        } else if (r < 81) {
            clockGoesWrong(till);
        } else if (r < 84) {
            sell(till);
            sim.trace("%s killed after its commit, before any push", till);
            till.kill(sim.node()::uri);
        } else if (r < 87) {
            till.partitionedFor = 5 + random.nextInt(25);
            sim.trace("%s cut off for %d steps", till, till.partitionedFor);
        } else if (r < 90) {
            till.takeBackup(sim.dir.resolve(till + "-backup-" + step + ".db"));
            sim.trace("%s backed up", till);
        } else if (r < 92 && till.backup != null && till.restores < 2) {
            till.restoreFromBackup(sim.node()::uri, sim.node().enrollmentCode(till.store, till.tillId));
            sim.trace("%s restored from its backup as epoch %d", till, till.synced.identity().epoch());
        } else if (r < 94) {
            poison(till);
        } else if (r < 96) {
            newerVersion(till);
        } else {
            sell(till);
        }
    }

    private void sell(SimTill till) {
        TestTill t = till.synced.till;
        List<TestTill.Line> lines = new ArrayList<>();
        for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
            lines.add(new TestTill.Line(SKUS.get(random.nextInt(SKUS.size())), 1000L * (1 + random.nextInt(3))));
        }
        MemberId member = null;
        if (random.nextInt(100) < 45) {
            MemberId candidate = members.get(random.nextInt(members.size()));
            Optional<Member> known = t.ledger.read(s -> t.members.findById(s, candidate));
            member = known.map(Member::memberId).orElse(null);
        }
        OptionalLong quoted = till.synced.total(lines, member);
        if (quoted.isEmpty()) {
            sim.trace("%s could not price a sale", till);
            return;
        }
        long total = quoted.getAsLong();
        List<Tender> tenders = new ArrayList<>();
        long cash = total;
        MemberId payer = member;
        if (member != null && random.nextInt(100) < 25) {
            long held = t.ledger.read(s -> t.balances.points(s, payer));
            long points = Math.min(held, total / 2);
            if (points > 0) {
                tenders.add(new Tender(TenderMethod.POINTS, points, null));
                cash -= points;
            }
        }
        if (cash > 0) {
            tenders.add(new Tender(TenderMethod.CASH, cash, null));
        }
        Checkout.Result result = till.synced.complete(new TestTill.Sale(lines, member, tenders, "sim"));
        sim.trace("%s sold %d lines%s: %s", till, lines.size(), member == null ? "" : " to a member",
                result instanceof Checkout.Completed ? "completed" : "rejected");
    }

    private void register(SimTill till) {
        boolean samePhone = phones > 0 && random.nextInt(100) < 10; // the same person signs up at another store
        String phone = "139" + "%08d".formatted(samePhone ? random.nextInt(phones) : phones++);
        RegisterMember.Result result = till.synced.till.registerMember.register(
                new RegisterMember.Request(phone, "会员" + phone.substring(7), null, null, random.nextBoolean()));
        if (result instanceof RegisterMember.Registered registered) {
            members.add(registered.member().memberId());
        }
        sim.trace("%s registration: %s", till, result.getClass().getSimpleName());
    }

    private void goodsArrive(SimTill till) {
        int count = 5 + random.nextInt(40);
        List<Integer> quantities = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            quantities.add(random.nextInt(20_000) - 2_000);
        }
        till.synced.till.ledger.write(tx -> {
            for (int i = 0; i < count; i++) {
                tx.append(new StockChanged(StoreId.of(till.store), Sku.of(SKUS.get(i % SKUS.size())), quantities.get(i),
                        quantities.get(i) >= 0 ? StockChanged.Reason.RECEIPT : StockChanged.Reason.STOCKTAKE, "delivery"));
            }
            return null;
        });
        sim.trace("%s booked %d stock movements", till, count);
    }

    private void passTime() {
        Duration passed = random.nextInt(100) < 8 ? Duration.ofHours(24 + random.nextInt(48))
                : Duration.ofMinutes(1 + random.nextInt(180));
        sim.clock.advance(passed);
        sim.tills.forEach(t -> t.timeIs(sim.clock.instant()));
        sim.trace("time passes: %s", passed);
    }

    private void clockGoesWrong(SimTill till) {
        Duration skew = switch (random.nextInt(4)) {
            case 0 -> Duration.ofDays(3);                        // days ahead
            case 1 -> Duration.ofDays(-2);                       // days behind
            case 2 -> till.skew.minus(Duration.ofHours(2));      // steps back two hours
            default -> Duration.ZERO;                            // set right again
        };
        till.skew = skew;
        till.timeIs(sim.clock.instant());
        sim.trace("%s clock is off by %s", till, skew);
    }

    /** A till with a bug records an impossible amount: the server sets it apart; nothing behind it waits. */
    private void poison(SimTill till) {
        till.synced.till.ledger.write(tx -> tx.append(new PointsChanged(POISON_MEMBER, POISON_AMOUNT,
                PointsChanged.Reason.ADJUST, null, List.of("bug"))));
        poisonEvents++;
        sim.trace("%s recorded a poison event", till);
    }

    /** A till of a newer version records a type version this server does not know: kept, reported, passed on. */
    private void newerVersion(SimTill till) {
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        payload.put("memberId", members.get(random.nextInt(members.size())).toString());
        payload.put("delta", 5);
        payload.put("reason", "EARN");
        payload.putObject("campaign").put("code", "DOUBLE-11");
        till.synced.till.ledger.write(tx -> tx.append(new UnknownEvent("PointsChanged", 99, payload, "written by a newer till")));
        newerEvents++;
        sim.trace("%s recorded an event of a newer version", till);
    }
}
