package io.chainpos.till.ui.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;

/**
 * The product names a search by name reads are read in the background once the sale screen is up: not while the till
 * starts and the lock screen waits for a PIN (a big chain's 300,000 names would slow the start), but before the
 * cashier's first search.
 */
class ProductNamesScreenTest extends ScreenTestBase {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void theSaleScreenHasTheNamesReadOnceItIsUp() {
        screen.waitFor("#sign-in-pin");
        assertThat(till.productNamesReadAt()).as("not read while the lock screen waits").isZero();

        signInAsOwner();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(till.productNamesReadAt()).as("read once the sale screen is up").isPositive());
    }
}
