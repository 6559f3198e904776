package io.chainpos.till.device.printer;

import io.chainpos.model.event.TenderMethod;

/** The words printed on receipts and reports, in each language the till ships. */
public enum ReceiptText {
    SALE_TITLE("销售小票", "SALES RECEIPT"),
    REFUND_TITLE("退货单", "REFUND"),
    REPRINT("** 重印小票 **", "** REPRINT **"),
    REPRINTED_AT("重印时间", "Reprinted"),
    RECEIPT_NO("小票号", "Receipt"),
    REFUND_NO("退货单号", "Refund"),
    ORIGINAL_RECEIPT("原小票号", "Original receipt"),
    NO_RECEIPT("无小票", "none"),
    TIME("时间", "Time"),
    TILL("收银机", "Till"),
    CASHIER("收银员", "Cashier"),
    SUBTOTAL("商品合计", "Subtotal"),
    DISCOUNT("优惠", "Discount"),
    TOTAL("应付合计", "TOTAL"),
    REFUND_TOTAL("退款合计", "REFUND TOTAL"),
    CHANGE("找零", "Change"),
    MEMBER("会员卡号", "Member"),
    POINTS_EARNED("本次积分", "Points earned"),
    POINTS_BALANCE("积分余额", "Points balance"),
    POINTS_BALANCE_AT_REPRINT("积分余额(重印时)", "Balance at reprint"),
    REASON("原因", "Reason"),
    APPROVED_BY("授权人", "Approved by"),
    CASH("现金", "Cash"),
    BANK_CARD("银行卡", "Bank card"),
    MOBILE_WALLET("移动支付", "Mobile wallet"),
    STORED_VALUE("储值卡", "Stored value"),
    POINTS("积分抵现", "Points"),
    COUPON("优惠券", "Coupon"),
    X_REPORT("X 报表 (班中)", "X REPORT (shift open)"),
    Z_REPORT("Z 报表 (交班)", "Z REPORT (shift closed)"),
    SHIFT("班次", "Shift"),
    OPENED("开班", "Opened"),
    CLOSED("交班", "Closed"),
    PRINTED("打印", "Printed"),
    SALES("销售", "Sales"),
    REFUNDS("退货", "Refunds"),
    NET("净额", "Net"),
    VOIDS("作废", "Voids"),
    CASH_IN("存入现金", "Cash in"),
    CASH_OUT("取出现金", "Cash out"),
    TAKINGS("收款方式", "Takings by tender"),
    OPENING_FLOAT("备用金", "Opening float"),
    EXPECTED_CASH("应有现金", "Expected cash"),
    COUNTED_CASH("实点现金", "Counted cash"),
    DIFFERENCE("差额", "Difference"),
    CHAIN_HEAD("账链", "Chain"),
    MEMBER_CARD_TITLE("会员卡", "MEMBER CARD"),
    TOP_UP_TITLE("储值充值单", "STORED VALUE TOP-UP"),
    TOP_UP_PAID("充值金额", "Top-up"),
    TOP_UP_BONUS("赠送金额", "Bonus"),
    STORED_VALUE_BALANCE("储值余额", "Stored value balance"),
    TOP_UPS("储值充值", "Top-ups"),
    TOP_UP_REFUNDS("充值退款", "Top-ups refunded"),
    NAME("姓名", "Name"),
    PHONE("手机", "Phone"),
    CARD_NO("卡号", "Card"),
    SHOW_AT_TILL("结账时请出示此码", "Show this code at the till");

    private final String zh;
    private final String en;

    ReceiptText(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String in(Language language) {
        return language == Language.ZH ? zh : en;
    }

    public static ReceiptText of(TenderMethod method) {
        return switch (method) {
            case CASH -> CASH;
            case BANK_CARD -> BANK_CARD;
            case MOBILE_WALLET -> MOBILE_WALLET;
            case STORED_VALUE -> STORED_VALUE;
            case POINTS -> POINTS;
            case COUPON -> COUPON;
        };
    }
}
