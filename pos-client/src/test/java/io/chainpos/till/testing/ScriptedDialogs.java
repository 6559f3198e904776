package io.chainpos.till.testing;

import io.chainpos.till.ui.DialogService;
import io.chainpos.till.ui.Notice;
import io.chainpos.till.ui.PanelModel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/** The cashier's answers, scripted: PINs and typed values in order, a rule for choices; records what was asked. */
public final class ScriptedDialogs implements DialogService {
    public final Deque<String> pins = new ArrayDeque<>();
    public final Deque<String> answers = new ArrayDeque<>();
    public final List<Notice> pinReasons = new ArrayList<>();
    public final List<Question> questions = new ArrayList<>();
    public final List<List<? extends Choice<?>>> choicesOffered = new ArrayList<>();
    public final List<PanelModel> shown = new ArrayList<>();
    /** Which of the choices offered is taken (index), or empty to cancel; the first by default. */
    public Function<List<? extends Choice<?>>, Optional<Integer>> chooser = choices -> Optional.of(0);

    public ScriptedDialogs pin(String pin) {
        pins.add(pin);
        return this;
    }

    public ScriptedDialogs answer(String text) {
        answers.add(text);
        return this;
    }

    @Override
    public CompletionStage<Optional<String>> managerPin(Notice reason) {
        pinReasons.add(reason);
        return CompletableFuture.completedFuture(Optional.ofNullable(pins.poll()));
    }

    @Override
    public CompletionStage<Optional<String>> ask(Question question) {
        questions.add(question);
        return CompletableFuture.completedFuture(Optional.ofNullable(answers.poll()));
    }

    @Override
    public <T> CompletionStage<Optional<T>> choose(Notice title, List<Choice<T>> choices) {
        choicesOffered.add(choices);
        return CompletableFuture.completedFuture(chooser.apply(choices).map(i -> choices.get(i).value()));
    }

    @Override
    public CompletionStage<Void> show(PanelModel panel) {
        shown.add(panel);
        CompletableFuture<Void> closed = new CompletableFuture<>();
        panel.closedProperty().addListener((o, was, now) -> closed.complete(null));
        return closed;
    }

    /** The last screen opened, as its view-model type. */
    public <P extends PanelModel> P last(Class<P> type) {
        return type.cast(shown.getLast());
    }
}
