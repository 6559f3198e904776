package io.chainpos.till.device.scanner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javafx.scene.Scene;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The keyboard-wedge adapter on a real JavaFX scene, headless under Monocle: keys go through the glass robot,
 * the scene's event filter and the focused text field. Key times come from a clock the test moves, so a burst
 * and a person's typing are told apart the same way on a busy build machine as on a quiet one.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FxKeyboardWedgeTest {
    private static final long MS = 1_000_000L;
    private final AtomicLong nanos = new AtomicLong(1_000 * MS);
    private final List<Scan> scans = new CopyOnWriteArrayList<>();
    private final AtomicInteger actions = new AtomicInteger();
    private TextField name;
    private TextField quantity;
    private PasswordField pin;

    @Start
    void start(Stage stage) {
        name = new TextField();
        name.setOnAction(e -> actions.incrementAndGet());
        quantity = new TextField();
        pin = new PasswordField();
        pin.setOnAction(e -> actions.incrementAndGet());
        Scene scene = new Scene(new VBox(name, quantity, pin), 320, 160);
        new FxKeyboardWedge(scene, WedgeTiming.DEFAULT, nanos::get).start(scans::add);
        stage.setScene(scene);
        stage.show();
        name.requestFocus();
    }

    @Test
    void aScannerBurstIsOneScanAndIsNeverTypedIntoTheFocusedField(FxRobot robot) {
        typeEach(robot, "6901234567892", 3);
        nanos.addAndGet(3 * MS);
        robot.type(KeyCode.ENTER);

        assertThat(scans).containsExactly(new Scan("6901234567892", Scan.Source.KEYBOARD_WEDGE));
        assertThat(name.getText()).isEmpty();
        assertThat(actions).as("the scanner's Enter does not reach the field").hasValue(0);
    }

    @Test
    void aPinTypedFastIsKeptInThePinFieldAndNeverTakenForAScan(FxRobot robot) {
        robot.interact(pin::requestFocus);
        typeEach(robot, "8888", 30);
        nanos.addAndGet(30 * MS);
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(pin.getText()).isEqualTo("8888");
        assertThat(actions).as("Enter reaches the PIN field").hasValue(1);
        assertThat(scans).isEmpty();
    }

    @Test
    void aPersonTypingGetsEveryCharacterInTheFieldInOrder(FxRobot robot) {
        typeEach(robot, "2468", 150);
        nanos.addAndGet(150 * MS);

        await().atMost(5, TimeUnit.SECONDS).untilAsserted(() -> {
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(name.getText()).isEqualTo("2468");
        });
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(actions).as("the person's Enter reaches the field").hasValue(1);
        assertThat(scans).isEmpty();
    }

    @Test
    void aScanWhileSomeoneIsTypingLeavesTheirTextAndFocusAlone(FxRobot robot) {
        robot.interact(quantity::requestFocus);
        typeEach(robot, "12", 200);
        robot.type(KeyCode.BACK_SPACE);
        nanos.addAndGet(400 * MS);

        typeEach(robot, "100002", 2);
        nanos.addAndGet(2 * MS);
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(scans).extracting(Scan::code).containsExactly("100002");
        assertThat(quantity.getText()).isEqualTo("1");
        assertThat(quantity.isFocused()).isTrue();
        assertThat(name.getText()).isEmpty();
    }

    @Test
    void whatAPersonTypesAfterAScanReachesTheFieldWithoutTheScannedCode(FxRobot robot) {
        typeEach(robot, "6901234567892", 3);
        nanos.addAndGet(3 * MS);
        robot.type(KeyCode.ENTER);
        nanos.addAndGet(500 * MS);

        typeEach(robot, "42", 150);
        nanos.addAndGet(150 * MS);
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(scans).extracting(Scan::code).containsExactly("6901234567892");
        assertThat(name.getText()).isEqualTo("42");
        assertThat(actions).hasValue(1);
    }

    /** Types digits one key at a time, the clock moving {@code gapMillis} before each. */
    private void typeEach(FxRobot robot, String digits, long gapMillis) {
        for (char digit : digits.toCharArray()) {
            nanos.addAndGet(gapMillis * MS);
            robot.type(KeyCode.valueOf("DIGIT" + digit));
        }
        WaitForAsyncUtils.waitForFxEvents();
    }
}
