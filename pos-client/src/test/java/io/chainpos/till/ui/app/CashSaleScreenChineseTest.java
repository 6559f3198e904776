package io.chainpos.till.ui.app;

import java.util.Locale;
import javafx.stage.Stage;
import org.testfx.framework.junit5.Start;

/** {@link CashSaleScreenTest} on a Chinese computer: the same sale and slip, the screens speaking Chinese. */
class CashSaleScreenChineseTest extends CashSaleScreenTest {

    @Override
    Locale language() {
        return Locale.SIMPLIFIED_CHINESE;
    }

    @Start
    @Override
    void start(Stage stage) {
        open(stage);
    }
}
