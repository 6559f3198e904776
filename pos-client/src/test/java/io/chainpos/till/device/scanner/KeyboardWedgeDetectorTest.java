package io.chainpos.till.device.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.till.device.scanner.KeyboardWedgeDetector.Outcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.constraints.Chars;
import org.junit.jupiter.api.Test;

/** The timing rule alone, with key times given by the test: no screen, no clock. */
class KeyboardWedgeDetectorTest {
    private static final long MS = 1_000_000L;
    private final KeyboardWedgeDetector detector = new KeyboardWedgeDetector(WedgeTiming.DEFAULT);

    @Test
    void aFastBurstEndingInEnterIsOneScanAndNothingReachesTheField() {
        Typist typist = new Typist(detector);

        typist.type("6901234567892", 4 * MS);
        Outcome end = typist.enter(4 * MS);

        assertThat(end).isEqualTo(new Outcome("", true, "6901234567892"));
        assertThat(typist.released).isEmpty();
        assertThat(typist.consumed).isEqualTo(13);
    }

    @Test
    void aPersonTypingIsReleasedCharacterByCharacterInOrder() {
        Typist typist = new Typist(detector);

        typist.type("1234", 120 * MS);
        Outcome end = typist.enter(150 * MS);

        assertThat(typist.released).containsExactly("1", "2", "3");
        assertThat(end).isEqualTo(new Outcome("4", false, null));
    }

    @Test
    void whatWasHeldIsReleasedWhenThePersonStops() {
        Typist typist = new Typist(detector);
        typist.type("12", 10 * MS);

        assertThat(detector.idle(typist.now + 20 * MS)).isEqualTo(new Outcome("", false, null));
        assertThat(detector.idle(typist.now + 51 * MS)).isEqualTo(new Outcome("12", false, null));
        assertThat(detector.holding()).isFalse();
    }

    @Test
    void aShortFastBurstIsNotAScan() {
        Typist typist = new Typist(detector);
        typist.type("ab", 5 * MS);

        assertThat(typist.enter(5 * MS)).isEqualTo(new Outcome("ab", false, null));
    }

    @Test
    void aScanThatStallsBeforeEnterIsNotTakenForOne() {
        Typist typist = new Typist(detector);
        typist.type("69012345", 3 * MS);

        assertThat(typist.enter(200 * MS)).isEqualTo(new Outcome("69012345", false, null));
    }

    @Test
    void aKeyThatIsNoPartOfACodeReleasesWhatWasHeldFirst() {
        Typist typist = new Typist(detector);
        typist.type("ab", 5 * MS);

        assertThat(detector.otherKey()).isEqualTo(new Outcome("ab", false, null));
        assertThat(detector.typed(' ', typist.now + MS)).isEqualTo(new Outcome("", false, null));
        assertThat(detector.typed('中', typist.now + 2 * MS)).isEqualTo(new Outcome("", false, null));
    }

    @Test
    void aScanInTheMiddleOfSomeoneTypingLeavesTheirTextAloneAndIsStillOneScan() {
        Typist typist = new Typist(detector);
        typist.type("Li", 200 * MS);
        typist.now += 300 * MS;

        typist.type("CPM1:880000000017:05", 2 * MS);
        Outcome end = typist.enter(2 * MS);

        assertThat(String.join("", typist.released)).isEqualTo("Li");
        assertThat(end.scan()).isEqualTo("CPM1:880000000017:05");
    }

    @Property
    void anyCodeAScannerTypesFastEnoughIsDeliveredWhole(
            @ForAll @StringLength(min = 4, max = 40) @Chars({'0', '9', 'A', 'Z', ':', '-', '/', 'x'}) String code,
            @ForAll @IntRange(min = 1, max = 50) int gapMillis) {
        KeyboardWedgeDetector fresh = new KeyboardWedgeDetector(new WedgeTiming(Duration.ofMillis(50), 4));
        Typist typist = new Typist(fresh);

        typist.type(code, gapMillis * MS);

        assertThat(typist.enter(gapMillis * MS).scan()).isEqualTo(code);
        assertThat(typist.released).isEmpty();
    }

    @Property
    void nothingAPersonTypesSlowerThanTheGapIsEverSwallowed(
            @ForAll @StringLength(min = 1, max = 30) @Chars({'0', '9', 'a', 'q', 'Z', '.'}) String text,
            @ForAll @IntRange(min = 51, max = 400) int gapMillis) {
        KeyboardWedgeDetector fresh = new KeyboardWedgeDetector(new WedgeTiming(Duration.ofMillis(50), 4));
        Typist typist = new Typist(fresh);

        typist.type(text, gapMillis * MS);
        Outcome end = typist.enter(gapMillis * MS);

        assertThat(end.scan()).isNull();
        assertThat(String.join("", typist.released) + end.release()).isEqualTo(text);
    }

    /** Types characters at a steady pace, keeping what the detector releases to the field. */
    private static final class Typist {
        private final KeyboardWedgeDetector detector;
        final List<String> released = new ArrayList<>();
        long now = 1_000 * MS;
        int consumed;

        Typist(KeyboardWedgeDetector detector) {
            this.detector = detector;
        }

        void type(String text, long gap) {
            for (char c : text.toCharArray()) {
                now += gap;
                Outcome outcome = detector.typed(c, now);
                if (outcome.releases()) {
                    released.add(outcome.release());
                }
                if (outcome.consume()) {
                    consumed++;
                }
            }
        }

        Outcome enter(long gap) {
            now += gap;
            return detector.enter(now);
        }
    }
}
