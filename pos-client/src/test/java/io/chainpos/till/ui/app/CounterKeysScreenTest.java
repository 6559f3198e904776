package io.chainpos.till.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.till.testing.ScreenDriver;
import java.util.List;
import java.util.regex.Pattern;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The counter's keyboard and touch screen, on the real screens: every button shows the key that does the same, at a
 * size a finger hits; scans and typing reach the sale whatever has the focus; a mistake is said in place, in the
 * one window, never in a window of its own.
 */
class CounterKeysScreenTest extends ScreenTestBase {
    /** A key on the first line of a button: a function key, Ctrl and a letter, Esc, Enter or Del. */
    private static final Pattern KEY = Pattern.compile("(F([1-9]|1[0-2])|Ctrl\\+[A-Z]|Esc|Enter|Del)\\n.+", Pattern.DOTALL);
    /** Big enough for a fingertip on a till's touch screen (44 px is the usual floor). */
    private static final double TOUCH = 44;

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void everyActionShowsItsKeyOnAButtonAFingerCanHit(FxRobot robot) {
        signInAsOwner();
        assertThat(keyedButtons(robot, "#sale-screen")).as("F1-F12 and eight Ctrl keys").hasSize(20);

        screen.scan("6901234567892").waitForText("#total", "¥3.50");
        screen.press(KeyCode.F12).waitFor("#pay-amount");
        assertThat(keyedButtons(robot, "#payment")).as("six methods, five quick amounts, Esc, Del, Enter").hasSize(14);
        assertThat(ScreenDriver.fx(() -> robot.lookup((Node n) -> "quick-3.50".equals(n.getId())).queryButton().getText()))
                .isEqualTo("F7\n¥3.50");
        screen.press(KeyCode.F7).waitForText("#pay-done", "S001-T1-1-000001");
        assertThat(screen.text("#pay-change")).isEqualTo("Change ¥0.00");
        screen.press(KeyCode.ENTER).waitUntilGone("#payment");

        screen.press(KeyCode.F1).waitFor("#member-query");
        assertThat(keyedButtons(robot, "#member-screen")).hasSize(8);
        assertThat(ScreenDriver.fx(() -> robot.lookup("#member-topUp").queryAs(Button.class).isDisabled()))
                .as("a top-up is for a member found first").isTrue();
        assertThat(ScreenDriver.fx(() -> robot.lookup("#member-feedback").queryAs(Button.class).isDisabled()))
                .as("so is a member's feedback").isTrue();
        screen.press(KeyCode.ESCAPE).waitUntilGone("#member-screen");

        screen.ctrl(KeyCode.T).waitFor("#stock-code");
        assertThat(keyedButtons(robot, "#stock-screen")).as("F1-F4 modes, F5 stocktake, Esc, F9 clear, F12 book").hasSize(8);
        screen.press(KeyCode.ESCAPE).waitUntilGone("#stock-screen");
    }

    @Test
    void scansAndTypingReachTheSaleWhateverHasTheFocusAndMistakesAreSaidInPlace(FxRobot robot) {
        signInAsOwner();
        screen.scan("6901234567892").waitForText("#total", "¥3.50");

        focusOn(robot, "#cart");
        screen.scan("6901234567892").waitForText("#total", "¥7.00");
        assertThat(screen.text("#scan-field")).as("a scan is never typed into a field").isEmpty();

        focusOn(robot, "#cart");
        screen.write("100002");
        assertThat(screen.text("#scan-field")).as("typing with the cart focused goes to the scan field").isEqualTo("100002");
        screen.press(KeyCode.ENTER).waitForText("#total", "¥15.00");

        for (int i = 0; i < 5; i++) {
            screen.scan("6909999999996");
        }
        screen.waitForText("#sale-screen #notice", "Unknown product code 6909999999996");
        assertThat(ScreenDriver.fx(() -> robot.lookup("#sale-screen #notice").queryAs(Node.class).getStyleClass()))
                .contains("error");
        assertThat(ScreenDriver.fx(() -> Window.getWindows().size())).as("no window of its own, however many")
                .isEqualTo(1);
        assertThat(ScreenDriver.fx(() -> robot.lookup("#scan-field").queryAs(TextField.class).isFocused()))
                .as("the scan field is ready for the next scan").isTrue();
        assertThat(screen.text("#total")).isEqualTo("¥15.00");
    }

    /** The buttons showing under {@code root}: each checked for its key and its size. */
    private static List<Button> keyedButtons(FxRobot robot, String root) {
        List<Button> buttons = ScreenDriver.fx(() -> robot.lookup(root + " .button").queryAllAs(Button.class).stream()
                .filter(b -> b.isVisible() && b.getScene() != null).toList());
        assertThat(buttons).isNotEmpty().allSatisfy(button -> {
            double width = ScreenDriver.fx(button::getWidth);
            double height = ScreenDriver.fx(button::getHeight);
            assertThat(width).as("%s width", button.getId()).isGreaterThanOrEqualTo(TOUCH);
            assertThat(height).as("%s height", button.getId()).isGreaterThanOrEqualTo(TOUCH);
        });
        List<Button> keyed = buttons.stream().filter(b -> !b.getStyleClass().contains("pad-key")).toList();
        assertThat(keyed).allSatisfy(button -> assertThat(ScreenDriver.fx(button::getText))
                .as("%s shows its key", button.getId()).matches(KEY));
        return keyed;
    }

    private void focusOn(FxRobot robot, String id) {
        ScreenDriver.fx(() -> {
            robot.lookup(id).query().requestFocus();
            return null;
        });
        assertThat(screen.focusOwner()).contains(id.substring(1));
    }
}
