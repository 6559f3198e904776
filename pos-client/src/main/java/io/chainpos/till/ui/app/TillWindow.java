package io.chainpos.till.ui.app;

import io.chainpos.till.device.scanner.FxKeyboardWedge;
import io.chainpos.till.device.scanner.WedgeTiming;
import io.chainpos.till.settings.TillSettings;
import io.chainpos.till.settings.TillSettingsFile;
import io.chainpos.till.ui.ScanRouter;
import io.chainpos.till.ui.Tasks;
import io.chainpos.till.ui.TillStartup;
import io.chainpos.till.ui.fx.Fonts;
import io.chainpos.till.ui.fx.FxDialogs;
import io.chainpos.till.ui.fx.Messages;
import java.util.Locale;
import java.util.function.LongSupplier;
import javafx.beans.binding.Bindings;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Font;
import javafx.stage.Stage;

/**
 * The till's one window: the scene with the keyboard-wedge filter (every scan reaches the {@link ScanRouter},
 * whatever has the focus, since every dialog is drawn inside this scene), the style sheet and font, the language,
 * and the app's screens. Built on the JavaFX thread, by the app and by the screen tests alike.
 */
public final class TillWindow {
    private static final double WIDTH = 1366;
    private static final double HEIGHT = 768;

    private final AppViewModel app;
    private final Messages messages;
    private final Scene scene;
    private final FxKeyboardWedge wedge;

    private TillWindow(AppViewModel app, Messages messages, Scene scene, FxKeyboardWedge wedge) {
        this.app = app;
        this.messages = messages;
        this.scene = scene;
        this.wedge = wedge;
    }

    /** Builds the window in {@code stage} and starts the app; {@code nanoTime} times wedge keys (tests move it). */
    public static TillWindow open(Stage stage, TillStartup startup, TillSettingsFile settingsFile, TillSettings settings,
                                  Locale system, Tasks tasks, WedgeTiming wedgeTiming, LongSupplier nanoTime) {
        Messages messages = new Messages(Messages.resolve(settings.language(), system));
        StackPane host = new StackPane();
        host.getStyleClass().add("till");
        host.setStyle("-fx-font-family: \"" + Fonts.pick(Font.getFamilies()) + "\";");
        ScanRouter router = new ScanRouter();
        FxDialogs dialogs = new FxDialogs(host, messages, router, panel -> PanelViews.of(panel, messages));
        AppViewModel app = new AppViewModel(startup, settingsFile, settings.language(),
                "zh".equals(system.getLanguage()), tasks, dialogs, router);
        messages.localeProperty().bind(Bindings.createObjectBinding(() -> Messages.resolve(app.languageProperty().get(), system),
                app.languageProperty()));
        new AppView(app, messages, host);
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(host, Math.min(WIDTH, screen.getWidth()), Math.min(HEIGHT, screen.getHeight()));
        scene.getStylesheets().add(TillWindow.class.getResource("/io/chainpos/till/ui/till.css").toExternalForm());
        FxKeyboardWedge wedge = new FxKeyboardWedge(scene, wedgeTiming, nanoTime);
        wedge.start(scan -> router.route(scan.code()));
        stage.setScene(scene);
        stage.titleProperty().bind(messages.text("app.title"));
        app.start();
        return new TillWindow(app, messages, scene, wedge);
    }

    public AppViewModel app() {
        return app;
    }

    public Messages messages() {
        return messages;
    }

    public Scene scene() {
        return scene;
    }

    public void close() {
        wedge.close();
    }
}
