package io.chainpos.till.ui.sale;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class RowsTest {

    @Property
    void theShownListEndsEqualToTheNewRows(@ForAll @Size(max = 12) List<@IntRange(max = 5) Integer> before,
                                          @ForAll @Size(max = 12) List<@IntRange(max = 5) Integer> after) {
        ObservableList<Integer> shown = FXCollections.observableArrayList(before);
        Rows.update(shown, after);
        assertThat(shown).containsExactlyElementsOf(after);
    }

    @Test
    void aScanThatChangesOneLineReplacesThatLineAlone() {
        ObservableList<String> shown = FXCollections.observableArrayList("cola x1", "bread x1", "milk x1");
        List<String> changes = new ArrayList<>();
        shown.addListener((ListChangeListener<String>) change -> {
            while (change.next()) {
                changes.add(change.getFrom() + ".." + change.getTo() + (change.wasReplaced() ? " replaced"
                        : change.wasAdded() ? " added" : " removed"));
            }
        });

        Rows.update(shown, List.of("cola x1", "bread x2", "milk x1"));
        Rows.update(shown, List.of("cola x1", "bread x2", "milk x1", "eggs x1"));
        Rows.update(shown, List.of("cola x1", "bread x2"));

        assertThat(changes).containsExactly("1..2 replaced", "3..4 added", "2..2 removed");
    }
}
