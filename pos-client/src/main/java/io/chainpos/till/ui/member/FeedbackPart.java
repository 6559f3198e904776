package io.chainpos.till.ui.member;

import io.chainpos.model.event.FeedbackRecorded;
import io.chainpos.till.loyalty.MemberAccounts.MemberAccount;
import io.chainpos.till.ui.fx.FxUi;
import io.chainpos.till.ui.fx.Messages;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** A member's feedback: whom it is from, what it is about (one of the categories) and what they said; Enter records it. */
final class FeedbackPart extends VBox implements MemberView.MemberPart {
    private final TextArea text;

    FeedbackPart(MemberViewModel member, Messages messages) {
        FeedbackModel feedback = member.feedback();
        getStyleClass().add("feedback");
        Label who = new Label();
        who.setId("feedback-member");
        who.getStyleClass().add("section-title");
        who.textProperty().bind(Bindings.createStringBinding(() -> {
            MemberAccount account = member.selectedProperty().get();
            return account == null ? messages.get("member.noneSelected")
                    : messages.get("feedback.for", account.member().name(), MemberFindPart.masked(account.member().phone()));
        }, member.selectedProperty(), messages.localeProperty()));

        ToggleGroup categories = new ToggleGroup();
        HBox categoryRow = new HBox();
        categoryRow.getStyleClass().add("toggles");
        for (FeedbackRecorded.Category category : FeedbackModel.CATEGORIES) {
            ToggleButton button = new ToggleButton();
            button.textProperty().bind(messages.text("feedback.category." + category.name().toLowerCase(Locale.ROOT)));
            button.setToggleGroup(categories);
            button.setUserData(category);
            button.setFocusTraversable(false);
            button.setId("feedback-" + category.name().toLowerCase(Locale.ROOT));
            categoryRow.getChildren().add(button);
        }
        categories.selectedToggleProperty().addListener((o, was, now) ->
                feedback.categoryProperty().set(now == null ? null : (FeedbackRecorded.Category) now.getUserData()));
        feedback.categoryProperty().addListener((o, was, now) -> {
            if (now == null) {
                categories.selectToggle(null);
            }
        });

        text = new TextArea();
        text.setId("feedback-text");
        text.setWrapText(true);
        text.setPrefRowCount(4);
        text.textProperty().bindBidirectional(feedback.textProperty());
        text.promptTextProperty().bind(messages.text("feedback.textPrompt"));

        GridPane form = new GridPane();
        form.getStyleClass().add("form");
        form.addRow(0, FxUi.label(messages, "feedback.category"), categoryRow);
        form.addRow(1, FxUi.label(messages, "feedback.text"), text);
        getChildren().addAll(who, form);
    }

    @Override
    public Node firstField() {
        return text;
    }
}
