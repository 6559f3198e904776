package io.chainpos.till.device.printer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The ESC/POS commands escpos-coffee does not send, or sends wrongly: the code-page selection, the native QR
 * code (escpos-coffee 4.1.0 puts 48 or 49 where the Epson specification wants 50 for model 2), the real-time
 * status request and the drawer pulse.
 */
final class EscPosCommands {
    /** FS &: Chinese character mode, the double-byte code (GB18030 on Chinese printers) applies. */
    static final byte[] CHINESE_MODE_ON = {0x1C, 0x26};
    /** FS .: single-byte characters from the selected code table only. */
    static final byte[] CHINESE_MODE_OFF = {0x1C, 0x2E};
    /** ESC p 0 25 250: pulse the drawer kick-out connector pin 2 for 50 ms, then wait 500 ms. */
    static final byte[] DRAWER_PULSE = {0x1B, 0x70, 0x00, 25, (byte) 250};

    /** QR model 2, the model every phone and scanner reads (GS ( k, function 165: n1 = 50). */
    static final int QR_MODEL_2 = 50;
    /** QR error correction level M (GS ( k, function 169: n = 49), 15% of the code can be lost. */
    static final int QR_ERROR_CORRECTION_M = 49;

    private EscPosCommands() {
    }

    /** ESC t n: the single-byte character code table. */
    static byte[] codeTable(int n) {
        return new byte[] {0x1B, 0x74, (byte) n};
    }

    /** DLE EOT n: a real-time status request, answered with one byte (1 printer, 2 offline cause, 4 paper). */
    static byte[] statusRequest(int n) {
        return new byte[] {0x10, 0x04, (byte) n};
    }

    /** ESC a n: left (0), centre (1) or right (2) justification. */
    static byte[] justify(int n) {
        return new byte[] {0x1B, 0x61, (byte) n};
    }

    /** A QR code printed by the printer itself (GS ( k): model 2, the module size in dots, level M. */
    static byte[] qrCode(String data, int moduleDots) {
        if (moduleDots < 1 || moduleDots > 16) {
            throw new IllegalArgumentException("a QR module is 1 to 16 dots, not " + moduleDots);
        }
        byte[] payload = data.getBytes(StandardCharsets.UTF_8);
        int storeLength = payload.length + 3;
        if (storeLength > 7092) {
            throw new IllegalArgumentException("too much data for a printed QR code: " + payload.length + " bytes");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0x1D, 0x28, 0x6B, 4, 0, 49, 65, QR_MODEL_2, 0});
        out.writeBytes(new byte[] {0x1D, 0x28, 0x6B, 3, 0, 49, 67, (byte) moduleDots});
        out.writeBytes(new byte[] {0x1D, 0x28, 0x6B, 3, 0, 49, 69, QR_ERROR_CORRECTION_M});
        out.writeBytes(new byte[] {0x1D, 0x28, 0x6B, (byte) (storeLength & 0xFF), (byte) (storeLength >> 8), 49, 80, 48});
        out.writeBytes(payload);
        out.writeBytes(new byte[] {0x1D, 0x28, 0x6B, 3, 0, 49, 81, 48});
        return out.toByteArray();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
