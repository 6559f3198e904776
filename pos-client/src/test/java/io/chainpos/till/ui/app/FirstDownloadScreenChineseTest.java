package io.chainpos.till.ui.app;

import java.util.Locale;
import javafx.stage.Stage;
import org.testfx.framework.junit5.Start;

/** {@link FirstDownloadScreenTest} on a Chinese computer: the same download, the screen speaking Chinese. */
class FirstDownloadScreenChineseTest extends FirstDownloadScreenTest {

    @Override
    Locale language() {
        return Locale.SIMPLIFIED_CHINESE;
    }

    @Start
    @Override
    void start(Stage stage) throws Exception {
        super.start(stage);
    }
}
