package io.chainpos.till.ui.app;

import java.util.Locale;
import javafx.stage.Stage;
import org.testfx.framework.junit5.Start;

/** {@link RefundScreenTest} on a Chinese computer: the same steps, the screens speaking Chinese. */
class RefundScreenChineseTest extends RefundScreenTest {

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
