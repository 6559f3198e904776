package io.chainpos.till;

import io.chainpos.model.money.Money;
import io.chainpos.model.sale.Tendering;
import io.chainpos.model.sync.ApiErrorCode;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What a use-case tells the cashier (why it refused, or what it just did) as a code and its parameters, never as
 * a sentence: the screens and the command line put it into words in the language shown ({@link TillWords}).
 * Parameters are product and member names, codes and numbers as they are, and amounts as {@link Money}, which the
 * words format for the language.
 */
public record TillMessage(Code code, List<Object> args) {

    public TillMessage {
        Objects.requireNonNull(code, "code");
        // a parameter may be missing (the name of a member whose personal data was erased): said as "-"
        args = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(args));
        if (args.size() != code.arity()) {
            throw new IllegalArgumentException(code + " takes " + code.arity() + " parameters, not " + args.size());
        }
    }

    public static TillMessage of(Code code, Object... args) {
        return new TillMessage(code, Arrays.asList(args));
    }

    /** Why tenders do not pay a total, as the pure rule said it. */
    public static TillMessage tendering(Tendering.Refused refused) {
        return switch (refused.why()) {
            case NOT_POSITIVE -> of(Code.TENDER_NOT_POSITIVE);
            case COUPON_NEEDS_CODE -> of(Code.COUPON_TENDER_NEEDS_CODE);
            case WALLET_NEEDS_REFERENCE -> of(Code.WALLET_TENDER_NEEDS_REFERENCE);
            case SHORT -> of(Code.TENDERS_SHORT, Money.cny(refused.amount()));
            case CHANGE_ONLY_IN_CASH -> of(Code.CHANGE_ONLY_IN_CASH);
        };
    }

    /**
     * What the server's refusal means for the cashier, from its stable {@code error} code (never its English
     * {@code detail}): every code the protocol publishes has the till's own words; a code this version does not know
     * (a newer server's) is named as it is; a 5xx is the server's own fault.
     */
    public static TillMessage server(int status, String error) {
        if (status >= 500) {
            return of(Code.SERVER_FAILED);
        }
        return ApiErrorCode.parse(error).map(known -> of(switch (known) {
            case BAD_REQUEST, PHONE_IN_URL, METHOD_NOT_ALLOWED -> Code.SERVER_BAD_REQUEST;
            case UNAUTHORIZED -> Code.SERVER_REJECTS_THIS_TILL;
            case FORBIDDEN -> Code.SERVER_FORBIDS;
            case NOT_FOUND -> Code.SERVER_NOT_FOUND;
            case SEQUENCE_GAP -> Code.SERVER_SEQUENCE_GAP;
            case CONFLICTING_EVENT -> Code.SERVER_SET_EVENTS_APART;
            case SNAPSHOT_NEEDED -> Code.SERVER_SNAPSHOT_NEEDED;
            case TOO_LARGE -> Code.SERVER_TOO_LARGE;
            case TOO_MANY_ATTEMPTS -> Code.SERVER_TRY_LATER;
            case LOCKED -> Code.SERVER_ACCOUNT_LOCKED;
            case INTERNAL_ERROR -> Code.SERVER_FAILED;
        })).orElseGet(() -> of(Code.SERVER_REFUSED, error == null || error.isBlank() ? String.valueOf(status) : error));
    }

    /** The argument at {@code index}, for a caller that needs a value back (the line a note is about, say). */
    public Object arg(int index) {
        return args.get(index);
    }

    /** Every message the till's use-cases give, with how many parameters each takes. */
    public enum Code {
        // ringing up
        QUANTITY_NOT_POSITIVE(0),
        QUANTITY_NOT_POSITIVE_REMOVE_LINE(0),
        NO_SUCH_LINE(1),
        PRICE_NEGATIVE(0),
        PRICE_OVERRIDE_NEEDS_MANAGER(0),
        LINE_DISCOUNT_OUT_OF_RANGE(1),
        DISCOUNT_NEEDS_MANAGER(1),
        COUPON_CODE_NEEDED(0),
        VOID_NEEDS_MANAGER(0),
        NOTHING_TO_HOLD(0),
        FINISH_OR_HOLD_FIRST(0),
        NO_HELD_SALE(1),
        RING_UP_BEFORE_PAYING(0),
        SALE_HAS_NO_LINES(0),
        SHIFT_NEEDED_TO_SELL(0),
        // what was scanned
        UNKNOWN_PRODUCT(1),
        BAD_CHECK_DIGIT(1),
        NOTHING_SCANNED(0),
        NOT_A_PRODUCT_CODE(1),
        MEMBER_QR_DAMAGED(0),
        MEMBER_CARD_UNKNOWN(1),
        NO_WEIGHED_PRODUCT(1),
        SCALE_LABEL_EMPTY(2),
        // paying
        MEMBER_UNKNOWN(0),
        COUPON_NOT_VALID(1),
        COUPON_USED(1),
        POINTS_NEED_MEMBER(0),
        POINTS_PAY_IN_STEPS(1),
        POINTS_SHORT(2),
        STORED_VALUE_SHORT(0),
        OFFLINE_POINTS_CAP(4),
        OFFLINE_POINTS_CAP_NEVER_SYNCED(3),
        OFFLINE_STORED_VALUE_CAP(4),
        OFFLINE_STORED_VALUE_CAP_NEVER_SYNCED(3),
        TENDER_NOT_POSITIVE(0),
        COUPON_TENDER_NEEDS_CODE(0),
        WALLET_TENDER_NEEDS_REFERENCE(0),
        TENDERS_SHORT(1),
        CHANGE_ONLY_IN_CASH(0),
        // what the sale did
        LINE_ADDED(2),
        MEMBER_ON_SALE(1),
        NO_MEMBER_ON_SALE(0),
        LINE_REMOVED(1),
        LINE_CHANGED(1),
        COUPON_ADDED(1),
        SALE_CLEARED(0),
        SALE_VOIDED(0),
        HELD_AS(1),
        RECALLED(1),
        STILL_DUE(1),
        // shifts and cash
        FLOAT_NEGATIVE(0),
        SHIFT_ALREADY_OPEN(0),
        SHIFT_WAITS_FOR_FIRST_SYNC(0),
        CASH_AMOUNT_NOT_POSITIVE(0),
        CASH_IN_NEEDS_REASON(0),
        CASH_OUT_NEEDS_REASON(0),
        SHIFT_NEEDED(0),
        DRAWER_HOLDS_ONLY(1),
        COUNTED_CASH_NEGATIVE(0),
        NO_SHIFT_OPEN(0),
        NO_SALE_NEEDS_MANAGER(0),
        PIN_MAY_NOT_OPEN_DRAWER(0),
        // refunds and reprints
        SHIFT_NEEDED_TO_REFUND(0),
        NO_SALE_WITH_RECEIPT(1),
        NOT_A_RECEIPT_NUMBER(1),
        NOTHING_CHOSEN_TO_REFUND(0),
        REFUND_QUANTITY_NOT_POSITIVE(0),
        NOT_ON_RECEIPT(2),
        ONLY_LEFT_TO_REFUND(2),
        RETURN_NEEDS_REASON(0),
        RETURN_NEEDS_MANAGER(0),
        // stored value and rewards
        TOP_UP_NOT_POSITIVE(0),
        TOP_UP_TENDER_NEEDED(0),
        TOP_UP_TENDER_METHOD(0),
        SHIFT_NEEDED_TO_TOP_UP(0),
        NO_TOP_UP(1),
        TOP_UP_ALREADY_REFUNDED(1),
        TOP_UP_SPENT(2),
        NO_REWARD(1),
        REWARD_POINTS_SHORT(3),
        NO_COUPON_LEFT(1),
        // members
        MEMBER_CODE_NEEDED(0),
        NO_MEMBER_WITH_PHONE(0),
        CARD_CHECK_DIGIT(0),
        NOT_A_MEMBER_CODE(0),
        PHONE_NEEDED(0),
        PHONE_INVALID(0),
        NAME_NEEDED(0),
        NAME_TOO_LONG(1),
        BIRTHDAY_IN_FUTURE(0),
        BIRTHDAY_BEFORE_1900(0),
        NOT_ENROLLED_FOR_MEMBERS(0),
        ERASE_NEEDS_OWNER_PIN(0),
        ERASE_ONLY_OWNER(0),
        HISTORY_NO_SERVER(0),
        HISTORY_SERVER_DOES_NOT_KNOW(0),
        HISTORY_SERVER_NO_ANSWER(0),
        // staff
        PIN_NEEDED(0),
        NO_STAFF_YET(0),
        PIN_UNKNOWN(0),
        STAFF_ID_INVALID(0),
        PIN_FORMAT(0),
        FIRST_ACCOUNT_IS_OWNER(0),
        OWNER_PIN_NEEDED(0),
        PIN_TAKEN(0),
        // the server
        NOT_A_SERVER_ADDRESS(1),
        NOT_ENROLLED_YET(0),
        ENROLLMENT_CODE_EMPTY(0),
        ENROLLMENT_CODE_REFUSED(0),
        SERVER_UNREACHABLE(0),
        SERVER_NOT_LINKED(0),
        SERVER_REJECTS_THIS_TILL(0),
        SERVER_FORBIDS(0),
        SERVER_REFUSED(1),
        SERVER_BAD_REQUEST(0),
        SERVER_NOT_FOUND(0),
        SERVER_SEQUENCE_GAP(0),
        SERVER_SNAPSHOT_NEEDED(0),
        SERVER_TOO_LARGE(0),
        SERVER_TRY_LATER(0),
        SERVER_ACCOUNT_LOCKED(0),
        SERVER_FAILED(0),
        SERVER_ANSWER_UNREADABLE(0),
        SERVER_NOT_TRUSTED(0),
        SERVER_KEY_CHANGED(0),
        SERVER_SET_EVENTS_APART(0),
        TILL_RESTORED_FROM_BACKUP(3),
        // restoring from a backup and starting the till (TillMain)
        RESTORE_NO_BACKUP(1),
        RESTORE_WOULD_OVERWRITE(1),
        RESTORE_BACKUP_UNUSABLE(1),
        RESTORE_FAILED(2),
        RESTORE_NEEDS_ENROLL(0),
        RESTORED(2),
        RESTORE_UNDONE(0),
        START_DATA_FOLDER_UNUSABLE(2),
        START_LEDGER_UNUSABLE(1),
        START_CHAIN_CA_UNREADABLE(0),
        ENROLL_FAILED(1),
        ENROLLED(3),
        START_NO_DISPLAY(0),
        START_WINDOW_FAILED(0),
        START_NOT_ENROLLED(0),
        START_FETCHING(0),
        START_UP_TO_DATE(0),
        START_FIRST_SYNC_PROBLEMS(1),
        START_FIRST_SYNC_FAILED(1),
        START_DEVICE_SETTINGS_AT(1),
        START_DEVICE_SETTINGS_UNUSABLE(0),
        START_SETTINGS_UNUSABLE(0),
        START_WARNING(1),
        // the till's own protection
        SYNC_IN_THE_CLEAR(1),
        FILES_OTHERS_MAY_READ(1),
        // imports
        IMPORT_HEADER_MISSING(2),
        IMPORT_NOT_ENROLLED(0),
        IMPORT_GENDER(0),
        IMPORT_BIRTHDAY(0),
        IMPORT_CONSENT(0),
        IMPORT_CARD_FORMAT(0),
        IMPORT_CARD_TAKEN(0),
        IMPORT_ALREADY_MEMBER(1),
        IMPORT_FIELD(2),
        IMPORT_NO_SKU(0),
        IMPORT_SKU_TWICE(1),
        IMPORT_SKU_HEAD_OFFICE(1),
        IMPORT_NO_NAME(0),
        IMPORT_BARCODE_CHECK_DIGIT(1),
        IMPORT_BARCODE_TWICE(1),
        IMPORT_BARCODE_TAKEN(2),
        IMPORT_SKU_INVALID(1),
        IMPORT_UNIT(1),
        IMPORT_AMOUNT(2),
        IMPORT_TAX_RATE(1),
        // the settings files and screen: the first parameter is the setting's key, as the file writes it
        SETTING_UNKNOWN(2),
        SETTING_NOT_WHOLE_NUMBER(2),
        SETTING_OUT_OF_RANGE(4),
        SETTING_ONE_OF(3),
        SETTING_NOT_BAUD(3),
        SETTING_NOT_ON_OFF(2),
        SETTING_USB_PRINTER_NEEDS_DEVICE(1),
        SETTING_SERIAL_PRINTER_NEEDS_PORT(1),
        SETTING_NETWORK_PRINTER_NEEDS_ADDRESS(1),
        SETTING_NETWORK_PRINTER_NEEDS_HOST(2),
        SETTING_NOT_WHOLE_PATH(2),
        SETTING_NOT_A_PATH(2),
        SETTINGS_UNREADABLE(1),
        // customer care
        FEEDBACK_TEXT_EMPTY(0),
        FEEDBACK_TEXT_TOO_LONG(2),
        FEEDBACK_NO_CATEGORY(0),
        FEEDBACK_MEMBER_KEY_MISSING(0),
        FEEDBACK_RECORDED(1),
        // receiving goods and transfers between stores
        STOCK_QUANTITY_NOT_A_NUMBER(2),
        STOCK_QUANTITY_NEGATIVE(2),
        STOCK_NOTHING_TO_BOOK(0),
        STOCK_RECEIVED(3),
        TRANSFER_TO_OWN_STORE(1),
        TRANSFER_NEEDS_STORE(0),
        TRANSFER_SENT(3),
        TRANSFER_UNKNOWN(1),
        TRANSFER_OTHER_CHAIN(1),
        TRANSFER_NOT_FOR_THIS_STORE(2),
        TRANSFER_ALREADY_RECEIVED(1),
        TRANSFER_ALREADY_CANCELLED(1),
        TRANSFER_NOT_SENT_HERE(2),
        TRANSFER_NOT_ON_IT(2),
        TRANSFER_RECEIVED(3),
        TRANSFER_CANCELLED(1),
        // issue 15: stocktake
        STOCKTAKE_ALREADY_OPEN(1),
        STOCKTAKE_NONE_OPEN(0),
        STOCKTAKE_NEEDS_CATEGORY(0),
        STOCKTAKE_NEEDS_SHELF(0),
        STOCKTAKE_UNKNOWN_CATEGORY(1),
        STOCKTAKE_NOT_IN_SCOPE(3),
        STOCKTAKE_STARTED_STORE(0),
        STOCKTAKE_STARTED_CATEGORY(1),
        STOCKTAKE_STARTED_SHELF(1),
        STOCKTAKE_COUNTED(3),
        STOCKTAKE_EMPTY(0),
        STOCKTAKE_NEEDS_MANAGER(0),
        PIN_MAY_NOT_APPROVE_STOCKTAKE(0),
        STOCKTAKE_APPROVED(3),
        STOCKTAKE_CANCELLED(0),
        // head office's proposed transfers
        TRANSFER_PROPOSAL_SHIPPED(1);

        private final int arity;

        Code(int arity) {
            this.arity = arity;
        }

        public int arity() {
            return arity;
        }

        /** The key of its words in the bundles. */
        public String key() {
            return "till." + name();
        }
    }
}
