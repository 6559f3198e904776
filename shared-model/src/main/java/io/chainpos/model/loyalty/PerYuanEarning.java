package io.chainpos.model.loyalty;

import java.util.List;

/** The foundation's earning rule: {@code pointsPerYuan} (1 without rules) for every whole yuan paid in money. */
public final class PerYuanEarning implements PointsEarning {

    @Override
    public Earned earn(Purchase purchase) {
        long perYuan = purchase.rules() == null ? 1 : purchase.rules().pointsPerYuan();
        long points = Math.max(0, purchase.paidInMoney()) / 100 * perYuan;
        return new Earned(points, points == 0 ? List.of() : List.of("BASE:" + perYuan + "/yuan"));
    }
}
