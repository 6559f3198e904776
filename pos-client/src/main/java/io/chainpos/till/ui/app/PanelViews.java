package io.chainpos.till.ui.app;

import io.chainpos.till.ui.PanelModel;
import io.chainpos.till.ui.fx.Messages;
import io.chainpos.till.ui.member.MemberView;
import io.chainpos.till.ui.member.MemberViewModel;
import io.chainpos.till.ui.payment.PaymentView;
import io.chainpos.till.ui.payment.PaymentViewModel;
import io.chainpos.till.ui.refund.RefundView;
import io.chainpos.till.ui.refund.RefundViewModel;
import io.chainpos.till.ui.settings.SettingsView;
import io.chainpos.till.ui.settings.SettingsViewModel;
import io.chainpos.till.ui.shift.ShiftView;
import io.chainpos.till.ui.shift.ShiftViewModel;
import javafx.scene.layout.Region;

/** The view that draws each screen's view-model: a new screen is one more line here. */
final class PanelViews {
    private PanelViews() {
    }

    static Region of(PanelModel panel, Messages messages) {
        return switch (panel) {
            case PaymentViewModel payment -> new PaymentView(payment, messages);
            case MemberViewModel member -> new MemberView(member, messages);
            case RefundViewModel refund -> new RefundView(refund, messages);
            case ShiftViewModel shift -> new ShiftView(shift, messages);
            case SettingsViewModel settings -> new SettingsView(settings, messages);
            case io.chainpos.till.ui.stock.StockViewModel stock -> new io.chainpos.till.ui.stock.StockView(stock, messages);
            case io.chainpos.till.ui.stock.StocktakeViewModel stocktake -> new io.chainpos.till.ui.stock.StocktakeView(stocktake, messages);
            default -> throw new IllegalArgumentException("no view for " + panel.getClass().getName());
        };
    }
}
