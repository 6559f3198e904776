package io.chainpos.till;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.money.Money;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class TillWordsTest {
    private static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE);

    @Test
    void everyCodeHasWordsInBothLanguagesWithAsManyPlaceholdersAsItTakes() {
        List<String> wrong = new ArrayList<>();
        for (Locale language : LANGUAGES) {
            // the Chinese bundle is read on its own: a key missing there must not pass by falling back to English
            ResourceBundle bundle = language.getLanguage().equals("zh")
                    ? ResourceBundle.getBundle(TillWords.BUNDLE + "_zh_CN", Locale.ROOT) : TillWords.bundle(language);
            for (TillMessage.Code code : TillMessage.Code.values()) {
                if (!bundle.containsKey(code.key())) {
                    wrong.add(language + " lacks " + code);
                    continue;
                }
                int placeholders = new MessageFormat(bundle.getString(code.key()), language).getFormatsByArgumentIndex().length;
                if (placeholders != code.arity()) {
                    wrong.add(language + " " + code + " has " + placeholders + " placeholders, takes " + code.arity());
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void theBundlesHoldNoWordsForCodesThatAreGone() {
        Set<String> codes = new TreeSet<>();
        for (TillMessage.Code code : TillMessage.Code.values()) {
            codes.add(code.key());
        }
        for (String bundle : List.of(TillWords.BUNDLE, TillWords.BUNDLE + "_zh_CN")) {
            assertThat(new TreeSet<>(ResourceBundle.getBundle(bundle, Locale.ROOT).keySet())).as(bundle).isEqualTo(codes);
        }
    }

    @Test
    void aRefusalReadsInTheLanguageShownWithNamesAsTheyAreAndMoneyForTheLanguage() {
        TillMessage unknown = TillMessage.of(TillMessage.Code.UNKNOWN_PRODUCT, "4006381333931");
        assertThat(TillWords.say(unknown, Locale.SIMPLIFIED_CHINESE)).isEqualTo("找不到商品编码 4006381333931。");
        assertThat(TillWords.say(unknown, Locale.ENGLISH)).isEqualTo("Unknown product code 4006381333931.");

        TillMessage member = TillMessage.of(TillMessage.Code.MEMBER_ON_SALE, "张伟");
        assertThat(TillWords.say(member, Locale.SIMPLIFIED_CHINESE)).isEqualTo("会员 张伟");
        assertThat(TillWords.say(member, Locale.ENGLISH)).isEqualTo("Member 张伟");

        TillMessage shortBy = TillMessage.of(TillMessage.Code.TENDERS_SHORT, Money.cny(123_456));
        assertThat(TillWords.say(shortBy, Locale.SIMPLIFIED_CHINESE)).isEqualTo("支付金额还差 ¥1,234.56。");
        assertThat(TillWords.say(shortBy, Locale.ENGLISH)).isEqualTo("The payments are short by CN¥1,234.56.");
    }

    @Test
    void aMessageTakesExactlyItsParameters() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TillMessage.of(TillMessage.Code.UNKNOWN_PRODUCT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theServersCodesBecomeTheTillsWordsNeverItsDetail() {
        assertThat(TillMessage.server(401, "unauthorized").code()).isEqualTo(TillMessage.Code.SERVER_REJECTS_THIS_TILL);
        assertThat(TillMessage.server(403, "forbidden").code()).isEqualTo(TillMessage.Code.SERVER_FORBIDS);
        assertThat(TillMessage.server(500, "internal_error").code()).isEqualTo(TillMessage.Code.SERVER_FAILED);
        assertThat(TillMessage.server(413, "too_large").code()).isEqualTo(TillMessage.Code.SERVER_TOO_LARGE);
        assertThat(TillMessage.server(402, "payment_required")).as("a newer server's code, named as it is")
                .isEqualTo(TillMessage.of(TillMessage.Code.SERVER_REFUSED, "payment_required"));
    }

    @Test
    void everyCodeTheProtocolPublishesHasTheTillsOwnWords() {
        for (io.chainpos.model.sync.ApiErrorCode code : io.chainpos.model.sync.ApiErrorCode.values()) {
            TillMessage said = TillMessage.server(400, code.code());
            assertThat(said.code()).as(code.code()).isNotEqualTo(TillMessage.Code.SERVER_REFUSED);
            assertThat(TillWords.say(said, Locale.SIMPLIFIED_CHINESE)).as(code.code()).doesNotContain(code.code());
        }
    }
}
