package io.chainpos.till.ui.app;

import java.io.IOException;
import java.util.Locale;
import javafx.stage.Stage;
import org.testfx.framework.junit5.Start;

/** {@link SyncLineScreenTest} on a Chinese computer: the same steps, the screens speaking Chinese. */
class SyncLineScreenChineseTest extends SyncLineScreenTest {

    @Override
    Locale language() {
        return Locale.SIMPLIFIED_CHINESE;
    }

    @Start
    @Override
    void start(Stage stage) throws IOException {
        super.start(stage);
    }
}
