package io.chainpos.till.ui.member;

import io.chainpos.till.loyalty.MemberAccounts.MemberAccount;
import io.chainpos.till.ui.Amounts;
import io.chainpos.till.ui.fx.FxUi;
import io.chainpos.till.ui.fx.Messages;
import java.io.ByteArrayInputStream;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** Finding a member: the phone, card or QR field, the members found, and the one selected with their QR code. */
final class MemberFindPart extends VBox implements MemberView.MemberPart {
    private final TextField query;

    MemberFindPart(MemberViewModel member, Messages messages) {
        getStyleClass().add("member-find");
        query = FxUi.field(member.queryProperty(), "member-query");
        query.promptTextProperty().bind(messages.text("member.queryPrompt"));
        FxUi.focusWhenOpened(query);

        ListView<MemberAccount> found = new ListView<>(member.found());
        found.setId("members-found");
        found.setFocusTraversable(false);
        found.setPrefHeight(90);
        found.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(MemberAccount item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.member().name() + "   " + masked(item.member().phone())
                        + "   " + item.member().cardNo().value());
            }
        });
        found.visibleProperty().bind(Bindings.size(member.found()).greaterThan(1));
        found.managedProperty().bind(found.visibleProperty());
        found.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                member.selectedProperty().set(now);
            }
        });

        Label details = new Label();
        details.setId("member-details");
        details.getStyleClass().add("member-details");
        details.textProperty().bind(Bindings.createStringBinding(() -> {
            MemberAccount account = member.selectedProperty().get();
            return account == null ? messages.get("member.noneSelected") : messages.get("member.details",
                    account.member().name(), MemberView.tier(account, messages), masked(account.member().phone()),
                    account.member().cardNo().value(), account.points(), Amounts.money(account.storedValue()));
        }, member.selectedProperty(), messages.localeProperty()));
        ImageView qr = new ImageView();
        qr.setId("member-qr");
        qr.setFitWidth(180);
        qr.setFitHeight(180);
        qr.imageProperty().bind(Bindings.createObjectBinding(() -> member.qrCodeProperty().get() == null ? null
                : new Image(new ByteArrayInputStream(member.qrCodeProperty().get())), member.qrCodeProperty()));
        HBox card = new HBox(details, qr);
        card.getStyleClass().add("member-card");
        getChildren().addAll(query, found, card);
    }

    @Override
    public Node firstField() {
        return query;
    }

    /** 13800000001 → 138****0001: the screen may be seen by the next customer. */
    static String masked(String phone) {
        return phone == null || phone.length() < 8 ? phone : phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }
}
