package io.chainpos.till.ui.fx;

import io.chainpos.till.ui.DialogService;
import io.chainpos.till.ui.Notice;
import io.chainpos.till.ui.PanelModel;
import io.chainpos.till.ui.ScanRouter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import javafx.scene.Node;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * Draws dialogs and screens over the current screen, inside the one window: a dimmed layer per dialog, the ones
 * below disabled so keys and clicks reach only the top one, the focus given back when it closes. No separate
 * windows, so a keyboard-wedge scan is seen by the one scene filter whatever is open, and a touch screen without
 * a window manager shows everything. Used on the JavaFX thread only.
 */
public final class FxDialogs implements DialogService {
    private final StackPane host;
    private final Messages messages;
    private final ScanRouter router;
    private final Function<PanelModel, Region> views;

    /** {@code host} holds the current screen as its first child; {@code views} draws a panel's view-model. */
    public FxDialogs(StackPane host, Messages messages, ScanRouter router, Function<PanelModel, Region> views) {
        this.host = host;
        this.messages = messages;
        this.router = router;
        this.views = views;
        // A dialog that redraws itself (the shift screen after closing) can drop the focus; keys would then go
        // nowhere near it, so the top dialog takes the focus back.
        host.sceneProperty().addListener((o, was, scene) -> {
            if (scene != null) {
                scene.focusOwnerProperty().addListener((f, before, now) -> {
                    if (now == null && anyOpen() && host.getChildren().getLast() instanceof StackPane layer
                            && layer.getChildren().getFirst() instanceof Region content) {
                        FxUi.focusLater(() -> Prompts.firstFocus(content));
                    }
                });
            }
        });
    }

    @Override
    public CompletionStage<Optional<String>> managerPin(Notice reason) {
        CompletableFuture<Optional<String>> answer = new CompletableFuture<>();
        router.promptOpened();
        Layer layer = push(Prompts.pin(messages, reason, pin -> answer.complete(pin)));
        return answer.whenComplete((pin, failure) -> {
            pop(layer);
            router.promptClosed();
        });
    }

    @Override
    public CompletionStage<Optional<String>> ask(Question question) {
        CompletableFuture<Optional<String>> answer = new CompletableFuture<>();
        router.promptOpened();
        Layer layer = push(Prompts.ask(messages, question, answer::complete));
        return answer.whenComplete((text, failure) -> {
            pop(layer);
            router.promptClosed();
        });
    }

    @Override
    public <T> CompletionStage<Optional<T>> choose(Notice title, List<Choice<T>> choices) {
        CompletableFuture<Optional<T>> answer = new CompletableFuture<>();
        router.promptOpened();
        Layer layer = push(Prompts.choose(messages, title, choices, answer::complete));
        return answer.whenComplete((chosen, failure) -> {
            pop(layer);
            router.promptClosed();
        });
    }

    @Override
    public CompletionStage<Void> show(PanelModel panel) {
        CompletableFuture<Void> closed = new CompletableFuture<>();
        Region view = views.apply(panel);
        view.getStyleClass().add("panel");
        router.opened(panel);
        Layer layer = push(view);
        panel.closedProperty().addListener((o, was, now) -> {
            if (now && !closed.isDone()) {
                pop(layer);
                router.closed(panel);
                closed.complete(null);
            }
        });
        return closed;
    }

    /** True while any dialog or screen is drawn over the current screen. */
    public boolean anyOpen() {
        return host.getChildren().size() > 1;
    }

    private record Layer(StackPane pane, Node focusBefore) {
    }

    private Layer push(Region content) {
        Node below = host.getChildren().getLast();
        Node focused = host.getScene() == null ? null : host.getScene().getFocusOwner();
        StackPane pane = new StackPane(content);
        pane.getStyleClass().add("dialog-layer");
        content.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        below.setDisable(true);
        host.getChildren().add(pane);
        // decided when it runs: the view may draw its fields only once its view-model has read the till
        FxUi.focusLater(() -> Prompts.firstFocus(content));
        return new Layer(pane, focused);
    }

    private void pop(Layer layer) {
        int at = host.getChildren().indexOf(layer.pane());
        if (at < 0) {
            return;
        }
        host.getChildren().remove(at);
        if (at == host.getChildren().size()) {
            host.getChildren().getLast().setDisable(false);
            if (layer.focusBefore() != null && layer.focusBefore().getScene() != null) {
                FxUi.focusLater(layer.focusBefore());
            }
        }
    }
}
