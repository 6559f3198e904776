package io.chainpos.till.ui;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * How a view-model asks the cashier something or opens another screen, without knowing how it is drawn. Every
 * answer arrives later on the screen's thread; nothing waits for it. The app draws these over the sale screen;
 * tests of view-models answer them from a script.
 */
public interface DialogService {

    /** A manager's PIN for {@code reason}; empty when the cashier cancels. */
    CompletionStage<Optional<String>> managerPin(Notice reason);

    /** One value typed by the cashier; empty when cancelled. */
    CompletionStage<Optional<String>> ask(Question question);

    /** One of {@code choices}; empty when cancelled. */
    <T> CompletionStage<Optional<T>> choose(Notice title, List<Choice<T>> choices);

    /** Opens a screen over the current one; completes when it closes. */
    CompletionStage<Void> show(PanelModel panel);

    /** What {@link #ask} asks: {@code kind} picks the keypad and what may be typed. */
    record Question(Notice title, Notice prompt, Kind kind, String initial) {
        public enum Kind { TEXT, AMOUNT, QUANTITY }
    }

    /** A line of a choice: what the cashier reads, and what it stands for. */
    record Choice<T>(String label, T value) {
    }
}
