package io.chainpos.till.device.scanner;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import javafx.animation.PauseTransition;
import javafx.event.Event;
import javafx.event.EventHandler;
import javafx.event.EventTarget;
import javafx.scene.Scene;
import javafx.scene.control.PasswordField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * A keyboard-wedge scanner on a JavaFX scene: an event filter on the whole scene sees every key before any
 * control does, feeds the {@link KeyboardWedgeDetector}, and holds back the characters that may be a scan. A
 * scan goes to the {@link ScanHandler} wherever the focus is and is never typed into a field; what turns out
 * to be a person typing is handed on to the focused control, in order, a few tens of milliseconds late.
 * Characters reach controls as KEY_TYPED events, so only those are held; Enter's press is what ends a scan.
 * In a PIN field, a burst of 4 to 8 digits ended by Enter is a PIN typed fast, never a scan.
 * Create, start and close it on the JavaFX thread.
 */
public final class FxKeyboardWedge implements ScanSource {
    /** What a staff PIN can be (4 to 8 digits, {@code SetUpStaff}): typed into a PIN field, it is never a scan. */
    private static final java.util.regex.Pattern PIN = java.util.regex.Pattern.compile("\\d{4,8}");
    private final Scene scene;
    private final KeyboardWedgeDetector detector;
    private final LongSupplier nanoTime;
    private final PauseTransition idle;
    private final List<KeyEvent> held = new ArrayList<>();
    private final EventHandler<KeyEvent> filter = this::filter;
    private ScanHandler handler;
    private boolean replaying;
    private boolean swallowingEnter;

    public FxKeyboardWedge(Scene scene, WedgeTiming timing) {
        this(scene, timing, System::nanoTime);
    }

    /** With the clock key events are timed by: {@code System::nanoTime}, or a test's hand-moved one. */
    public FxKeyboardWedge(Scene scene, WedgeTiming timing, LongSupplier nanoTime) {
        this.scene = scene;
        this.detector = new KeyboardWedgeDetector(timing);
        this.nanoTime = nanoTime;
        this.idle = new PauseTransition(javafx.util.Duration.millis(timing.maxGap().plus(Duration.ofMillis(5)).toMillis()));
        this.idle.setOnFinished(e -> idleElapsed());
    }

    @Override
    public void start(ScanHandler scans) {
        this.handler = scans;
        scene.addEventFilter(KeyEvent.ANY, filter);
    }

    @Override
    public void close() {
        scene.removeEventFilter(KeyEvent.ANY, filter);
        idle.stop();
        deliver(detector.otherKey().release());
    }

    private void filter(KeyEvent event) {
        if (replaying) {
            return;
        }
        if (event.getEventType() == KeyEvent.KEY_PRESSED) {
            pressed(event);
        } else if (event.getEventType() == KeyEvent.KEY_TYPED) {
            typed(event);
        } else if (event.getEventType() == KeyEvent.KEY_RELEASED && event.getCode() == KeyCode.ENTER && swallowingEnter) {
            swallowingEnter = false;
            event.consume();
        }
    }

    private void pressed(KeyEvent event) {
        if (event.getCode() == KeyCode.ENTER) {
            KeyboardWedgeDetector.Outcome outcome = detector.enter(nanoTime.getAsLong());
            deliver(outcome.release());
            if (outcome.scan() != null && scene.getFocusOwner() instanceof PasswordField
                    && PIN.matcher(outcome.scan()).matches()) {
                // A PIN typed fast into a PIN field is a PIN, not a scan: its digits go into the field and Enter
                // follows them (a quick typist's "PIN again" would otherwise vanish as a scan nobody takes). A
                // longer code, a product's barcode say, is still a scan and never lands in the PIN.
                replay(List.copyOf(held));
                held.clear();
                idle.stop();
                return;
            }
            if (outcome.scan() != null) {
                event.consume();
                idle.stop();
                // the scan's characters were never typed: forget them, or the next release would replay them
                held.clear();
                swallowingEnter = true;
                handler.onScan(new Scan(outcome.scan(), Scan.Source.KEYBOARD_WEDGE));
            }
        } else if (!event.getCode().isModifierKey() && !typesAScanCharacter(event)) {
            deliver(detector.otherKey().release());
        }
    }

    private void typed(KeyEvent event) {
        String character = event.getCharacter();
        if (swallowingEnter && ("\r".equals(character) || "\n".equals(character))) {
            event.consume();
            return;
        }
        if (character.length() != 1 || event.isControlDown() || event.isAltDown() || event.isMetaDown()) {
            deliver(detector.otherKey().release());
            return;
        }
        KeyboardWedgeDetector.Outcome outcome = detector.typed(character.charAt(0), nanoTime.getAsLong());
        deliver(outcome.release());
        if (outcome.consume()) {
            held.add(event.copyFor(event.getSource(), event.getTarget()));
            event.consume();
            idle.playFromStart();
        }
    }

    private void idleElapsed() {
        KeyboardWedgeDetector.Outcome outcome = detector.idle(nanoTime.getAsLong());
        deliver(outcome.release());
        if (detector.holding()) {
            idle.playFromStart();
        }
    }

    /** Hands the held key events (the released characters, all of them) to whichever control has the focus now. */
    private void deliver(String released) {
        if (released.isEmpty()) {
            return;
        }
        List<KeyEvent> events = List.copyOf(held);
        held.clear();
        replay(events);
    }

    private void replay(List<KeyEvent> events) {
        EventTarget target = scene.getFocusOwner() != null ? scene.getFocusOwner() : scene.getRoot();
        if (target == null) {
            return;
        }
        replaying = true;
        try {
            for (KeyEvent event : events) {
                Event.fireEvent(target, event.copyFor(target, target));
            }
        } finally {
            replaying = false;
        }
    }

    private static boolean typesAScanCharacter(KeyEvent event) {
        String text = event.getText();
        return text != null && text.length() == 1 && KeyboardWedgeDetector.couldBeScanned(text.charAt(0))
                && !event.isControlDown() && !event.isAltDown() && !event.isMetaDown();
    }
}
