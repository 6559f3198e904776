package io.chainpos.till.ui.member;

import io.chainpos.model.event.Gender;
import io.chainpos.till.ui.fx.FxUi;
import io.chainpos.till.ui.fx.Messages;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;

/** Registering a member in a few fields: phone, name, gender, birthday (may stay empty) and marketing consent. */
final class MemberRegisterPart extends GridPane implements MemberView.MemberPart {
    private final TextField phone;

    MemberRegisterPart(MemberViewModel member, Messages messages) {
        getStyleClass().add("form");
        phone = FxUi.field(member.phoneProperty(), "register-phone");
        TextField name = FxUi.field(member.nameProperty(), "register-name");
        TextField birthday = FxUi.field(member.birthdayProperty(), "register-birthday");
        birthday.setPromptText("1990-05-20");
        ToggleGroup genders = new ToggleGroup();
        HBox genderRow = new HBox();
        genderRow.getStyleClass().add("toggles");
        for (Gender gender : Gender.values()) {
            ToggleButton button = new ToggleButton();
            button.textProperty().bind(messages.text("gender." + gender.name().toLowerCase(Locale.ROOT)));
            button.setToggleGroup(genders);
            button.setUserData(gender);
            button.setSelected(member.genderProperty().get() == gender);
            button.setId("gender-" + gender.name().toLowerCase(Locale.ROOT));
            genderRow.getChildren().add(button);
        }
        genders.selectedToggleProperty().addListener((o, was, now) ->
                member.genderProperty().set(now == null ? Gender.UNSPECIFIED : (Gender) now.getUserData()));
        member.genderProperty().addListener((o, was, now) -> genders.getToggles().forEach(t -> t.setSelected(t.getUserData() == now)));
        CheckBox consent = new CheckBox();
        consent.textProperty().bind(messages.text("register.consent"));
        consent.selectedProperty().bindBidirectional(member.consentProperty());
        consent.setId("register-consent");
        addRow(0, FxUi.label(messages, "register.phone"), phone);
        addRow(1, FxUi.label(messages, "register.name"), name);
        addRow(2, FxUi.label(messages, "register.gender"), genderRow);
        addRow(3, FxUi.label(messages, "register.birthday"), birthday);
        add(consent, 1, 4);
    }

    @Override
    public Node firstField() {
        return phone;
    }
}
