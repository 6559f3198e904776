package io.chainpos.till.testing;

import static org.awaitility.Awaitility.await;

import io.chainpos.till.device.scanner.WedgeTiming;
import io.chainpos.till.settings.TillSettings;
import io.chainpos.till.settings.TillSettingsFile;
import io.chainpos.till.ui.Tasks;
import io.chainpos.till.ui.TillStartup;
import io.chainpos.till.ui.app.TillWindow;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.robot.KeyboardRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Drives the till's real window headless (TestFX on Monocle): built exactly as the app builds it, with the counter
 * and network threads of the app. Keys are timed by a clock the driver moves as each key arrives, so a scanner's burst
 * and a person's typing are told apart the same way on a busy build machine as on a quiet one; keys are sent without
 * waiting for each, and one wait at the end of each step sees them handled.
 */
public final class ScreenDriver implements AutoCloseable {
    /**
     * How long a wait for the screen lasts before it fails: polled, so a screen that answers at once passes at once. The
     * suite runs two test JVMs side by side on two cores (a simulation or a till process killed beside a screen), where
     * the first screen of a test has been seen to take more than 15 s to show.
     */
    private static final Duration PATIENCE = Duration.ofSeconds(40);

    private static final long MS = 1_000_000L;

    /** How far the wedge's clock moves at each pressed or typed key: a person's pace unless a scan is under way. */
    private static final long PERSON = 150 * MS;

    private final AtomicLong nanos = new AtomicLong(1_000_000 * MS);
    private final AtomicLong step = new AtomicLong(PERSON);
    private final ExecutorService counter = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("test-counter").factory());
    private final ExecutorService network = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("test-network").factory());
    private final FxRobot robot;
    private TillWindow window;

    public ScreenDriver(FxRobot robot) {
        this.robot = robot;
    }

    /** Opens the till's window in {@code stage} (on the JavaFX thread, from a TestFX {@code @Start}). */
    public TillWindow open(Stage stage, TillStartup startup, Path data, Locale system) {
        Tasks tasks = new Tasks(counter, network, Platform::runLater);
        // The wedge's clock moves as each key arrives, on the JavaFX thread, before the scene's filters see it: the
        // gaps between keys are the ones the test meant however the build machine schedules the threads.
        stage.addEventFilter(KeyEvent.ANY, event -> {
            if (event.getEventType() != KeyEvent.KEY_RELEASED) {
                nanos.addAndGet(step.get());
            }
        });
        window = TillWindow.open(stage, startup, new TillSettingsFile(data), TillSettings.defaults(), system, tasks,
                WedgeTiming.DEFAULT, nanos::get);
        stage.show();
        return window;
    }

    public TillWindow window() {
        return window;
    }

    /** A keyboard-wedge scanner: the code's characters 2 ms apart, then Enter. */
    public ScreenDriver scan(String code) {
        step.set(MS); // a pressed and a typed event per character: 2 ms
        for (char c : code.toCharArray()) {
            keys(c).ifPresentOrElse(this::keyNoWait,
                    () -> { throw new IllegalArgumentException("the test scanner does not type '" + c + "'"); });
        }
        keyNoWait(new Key(KeyCode.ENTER, false));
        WaitForAsyncUtils.waitForFxEvents();
        step.set(PERSON);
        return this;
    }

    /** A person typing {@code text} into whatever has the focus (slower than any scanner). */
    public ScreenDriver write(String text) {
        step.set(PERSON);
        for (char c : text.toCharArray()) {
            keys(c).ifPresentOrElse(this::keyNoWait, () -> {
                WaitForAsyncUtils.waitForFxEvents();
                robot.write(c);
            });
        }
        idle();
        return this;
    }

    /**
     * A quick typist: {@code text}'s characters {@code between} apart (a pressed and a typed event each), faster than
     * {@link #write} and slower than a scanner's burst; a newline is Enter at the same pace. Then the pause after the
     * last key.
     */
    public ScreenDriver writeAt(String text, Duration between) {
        step.set(between.toNanos() / 2);
        for (char c : text.toCharArray()) {
            (c == '\n' ? java.util.Optional.of(new Key(KeyCode.ENTER, false)) : keys(c)).ifPresentOrElse(this::keyNoWait,
                    () -> { throw new IllegalArgumentException("the test typist does not type '" + c + "'"); });
        }
        WaitForAsyncUtils.waitForFxEvents(); // every key seen at this pace before the pace goes back to a person's
        step.set(PERSON);
        idle();
        return this;
    }

    /** A person pressing keys, one after the other. */
    public ScreenDriver press(KeyCode... keys) {
        step.set(PERSON);
        for (KeyCode key : keys) {
            keyNoWait(new Key(key, false));
        }
        idle();
        return this;
    }

    /** A person pressing Ctrl (the shortcut key) with {@code key}. */
    public ScreenDriver ctrl(KeyCode key) {
        step.set(PERSON);
        KeyboardRobot keyboard = robot.robotContext().getKeyboardRobot();
        keyboard.pressNoWait(KeyCode.CONTROL);
        keyNoWait(new Key(key, false));
        keyboard.releaseNoWait(KeyCode.CONTROL);
        idle();
        return this;
    }

    /**
     * The pause after a person stops typing: the wedge lets go of the characters it held back to see whether they
     * were a scan once its clock has moved past the gap a scanner leaves.
     */
    private void idle() {
        WaitForAsyncUtils.waitForFxEvents();
        Platform.runLater(() -> nanos.addAndGet(PERSON));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** A key as a keyboard sends it: its code, with Shift held for capitals and ':'. */
    private record Key(KeyCode code, boolean shift) {
    }

    private static java.util.Optional<Key> keys(char c) {
        KeyCode code = switch (c) {
            case '-' -> KeyCode.MINUS;
            case '.' -> KeyCode.PERIOD;
            case '/' -> KeyCode.SLASH;
            case ' ' -> KeyCode.SPACE;
            case ':' -> KeyCode.SEMICOLON;
            default -> c >= '0' && c <= '9' ? KeyCode.valueOf("DIGIT" + c)
                    : (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ? KeyCode.valueOf(String.valueOf(Character.toUpperCase(c)))
                    : null;
        };
        return java.util.Optional.ofNullable(code).map(k -> new Key(k, Character.isUpperCase(c) || c == ':'));
    }

    /** Presses and releases without waiting: the events queue up in order, and one wait at the end sees them done. */
    private void keyNoWait(Key key) {
        KeyboardRobot keyboard = robot.robotContext().getKeyboardRobot();
        if (key.shift()) {
            keyboard.pressNoWait(KeyCode.SHIFT);
        }
        keyboard.pressNoWait(key.code());
        keyboard.releaseNoWait(key.code());
        if (key.shift()) {
            keyboard.releaseNoWait(KeyCode.SHIFT);
        }
    }

    /** Clicks a node found by CSS id. */
    public ScreenDriver click(String id) {
        robot.clickOn(id);
        WaitForAsyncUtils.waitForFxEvents();
        return this;
    }

    /** Reads something off the screen on the JavaFX thread. */
    public static <T> T fx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not read the screen", e);
        }
    }

    /** The text shown by the labelled node or text field with this CSS id. */
    public String text(String id) {
        return fx(() -> {
            Node node = robot.lookup(id).query();
            return node instanceof Labeled labeled ? labeled.getText() : ((TextInputControl) node).getText();
        });
    }

    public boolean showing(String id) {
        return fx(() -> robot.lookup(id).tryQuery().map(n -> n.getScene() != null && n.isVisible()).orElse(false));
    }

    /** Waits (polling, never sleeping blindly) until the node with this id shows text containing {@code part}. */
    public ScreenDriver waitForText(String id, String part) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(20)).untilAsserted(() ->
                org.assertj.core.api.Assertions.assertThat(showing(id) ? text(id) : "(" + id + " not showing)")
                        .as("%s; the notice says: %s; focus on %s", id, noticeNow(), focusOwner()).contains(part));
        return this;
    }

    /** Every notice line on screen now, for a failure's message. */
    public String noticeNow() {
        return fx(() -> robot.lookup("#notice").queryAll().stream().map(n -> ((Labeled) n).getText()).toList().toString());
    }

    public ScreenDriver waitFor(String id) {
        try {
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(20)).until(() -> showing(id));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            // A screen that never came is found in what every thread was doing then, not in the test's own stack.
            System.err.println(threadDump());
            throw new AssertionError("%s not showing after %s; the till is on %s, its problem: %s, notices %s (threads on stderr)"
                    .formatted(id, PATIENCE, fx(() -> window.app().screenProperty().get()),
                            fx(() -> window.app().problemProperty().get()), noticeNow()), e);
        }
        return this;
    }

    /** Every live thread's stack, as {@code jstack} would list them. */
    static String threadDump() {
        StringBuilder dump = new StringBuilder("threads when a wait for the screen ran out:\n");
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            dump.append('"').append(thread.getName()).append("\" ").append(thread.getState()).append('\n');
            for (StackTraceElement frame : stack) {
                dump.append("\tat ").append(frame).append('\n');
            }
        });
        return dump.toString();
    }

    public ScreenDriver waitUntilGone(String id) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(20)).untilAsserted(() ->
                org.assertj.core.api.Assertions.assertThat(showing(id)).as("%s still showing; focus on %s; notices %s", id,
                        focusOwner(), noticeNow()).isFalse());
        return this;
    }

    /** What has the keyboard focus now, for a failure's message. */
    public String focusOwner() {
        return fx(() -> String.valueOf(window.scene().getFocusOwner()));
    }

    /** Waits until the counter thread has done everything asked of it so far, and the screen has shown it. */
    public ScreenDriver settle() {
        try {
            counter.submit(() -> { }).get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the counter thread did not finish", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
        return this;
    }

    @Override
    public void close() throws InterruptedException {
        counter.shutdown();
        network.shutdownNow();
        counter.awaitTermination(15, TimeUnit.SECONDS);
        if (window != null) {
            WaitForAsyncUtils.asyncFx(window::close);
            WaitForAsyncUtils.waitForFxEvents();
        }
    }
}
