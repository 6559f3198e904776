package io.chainpos.till.ui.app;

import io.chainpos.till.ui.fx.FxUi;
import io.chainpos.till.ui.fx.Messages;
import io.chainpos.till.ui.sale.SaleView;
import io.chainpos.till.ui.setup.FirstRunView;
import io.chainpos.till.ui.setup.SignInView;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** Fills the window with the screen the app is on; dialogs are drawn above it in the same pane. */
final class AppView {
    private final AppViewModel app;
    private final Messages messages;
    private final StackPane host;

    AppView(AppViewModel app, Messages messages, StackPane host) {
        this.app = app;
        this.messages = messages;
        this.host = host;
        host.getChildren().setAll(screen());
        app.screenProperty().addListener((o, was, now) -> {
            while (host.getChildren().size() > 1) {
                host.getChildren().removeLast();
            }
            host.getChildren().set(0, screen());
        });
    }

    private Node screen() {
        return switch (app.screenProperty().get()) {
            case STARTING -> starting();
            case FIRST_RUN -> new FirstRunView(app.firstRun(), messages, app::toggleLanguage);
            case SIGN_IN -> new SignInView(app.signIn(), messages, app.till().map(t -> t.tillId().value() + " · "
                    + t.storeId().value()).orElse(""), app::toggleLanguage);
            case COUNTER -> new SaleView(app.sale(), app.till().orElseThrow(), messages);
        };
    }

    private Node starting() {
        Label starting = FxUi.label(messages, "app.starting", "dialog-title");
        Label problem = FxUi.notice(messages, app.problemProperty());
        VBox box = new VBox(starting, problem);
        box.getStyleClass().add("start-card");
        box.setMaxSize(VBox.USE_PREF_SIZE, VBox.USE_PREF_SIZE);
        StackPane pane = new StackPane(box);
        pane.getStyleClass().add("start-screen");
        pane.setId("starting");
        return pane;
    }
}
