package io.chainpos.till.ui;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The view-model of a screen opened over the sale (payment, member, refund, shift, settings): its line for the
 * cashier, when it is done, and whether it takes a scan made while it is on top (a receipt number in the refund
 * screen, a member's code in the member screen).
 */
public abstract class PanelModel {
    private final ReadOnlyBooleanWrapper closed = new ReadOnlyBooleanWrapper(false);
    private final ObjectProperty<Notice> notice = new SimpleObjectProperty<>();

    public ReadOnlyBooleanProperty closedProperty() {
        return closed.getReadOnlyProperty();
    }

    public boolean isClosed() {
        return closed.get();
    }

    public void close() {
        closed.set(true);
    }

    /** The one line shown in place on this screen: what just happened or why not. */
    public ObjectProperty<Notice> noticeProperty() {
        return notice;
    }

    protected void tell(Notice line) {
        notice.set(line);
    }

    /** A scan while this panel is on top; false: it is not for this screen (and is not rung up behind it). */
    public boolean scanned(String code) {
        return false;
    }
}
