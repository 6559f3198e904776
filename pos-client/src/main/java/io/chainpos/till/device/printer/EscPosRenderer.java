package io.chainpos.till.device.printer;

import com.github.anastaciocintra.escpos.EscPos;
import com.github.anastaciocintra.escpos.EscPosConst.Justification;
import com.github.anastaciocintra.escpos.Style;
import com.github.anastaciocintra.escpos.Style.FontSize;
import com.github.anastaciocintra.escpos.barcode.BarCode;
import com.github.anastaciocintra.escpos.image.BitonalThreshold;
import com.github.anastaciocintra.escpos.image.CoffeeImageImpl;
import com.github.anastaciocintra.escpos.image.EscPosImage;
import com.github.anastaciocintra.escpos.image.RasterBitImageWrapper;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import io.chainpos.till.device.qr.QrCodes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * Turns a {@link PrintDocument} into the ESC/POS bytes of one print job with escpos-coffee: initialise, select
 * the code page explicitly, the lines with their styles, the codes, then feed past the cutter and cut.
 */
public final class EscPosRenderer {
    /** Lines fed after the last one so it clears the cutter, which sits above the print head. */
    private static final int FEED_BEFORE_CUT = 4;
    private static final int BARCODE_HEIGHT_DOTS = 80;

    private final Paper paper;
    private final CodePage codePage;
    private final QrPrinting qrPrinting;

    public EscPosRenderer(Paper paper, CodePage codePage, QrPrinting qrPrinting) {
        this.paper = Objects.requireNonNull(paper, "paper");
        this.codePage = Objects.requireNonNull(codePage, "codePage");
        this.qrPrinting = Objects.requireNonNull(qrPrinting, "qrPrinting");
    }

    public byte[] render(PrintDocument document) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (EscPos escpos = new EscPos(out)) {
            escpos.initializePrinter();
            raw(escpos, codePage.select());
            escpos.setCharsetName(codePage.charsetName());
            for (PrintDocument.Block block : document.blocks()) {
                switch (block) {
                    case PrintDocument.Text text -> escpos.writeLF(style(text), text.text());
                    case PrintDocument.Code128 code -> barcode(escpos, code);
                    case PrintDocument.QrCode qr -> qr(escpos, qr);
                    case PrintDocument.Feed feed -> escpos.feed(feed.lines());
                }
            }
            escpos.feed(FEED_BEFORE_CUT);
            escpos.cut(EscPos.CutMode.PART);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory failed", e);
        }
        return out.toByteArray();
    }

    /** The drawer kick (ESC p) on its own, sent through the printer the drawer is plugged into. */
    public static byte[] drawerPulse() {
        return EscPosCommands.DRAWER_PULSE.clone();
    }

    private static Style style(PrintDocument.Text text) {
        FontSize width = text.size() == PrintDocument.Size.BIG ? FontSize._2 : FontSize._1;
        FontSize height = text.size() == PrintDocument.Size.NORMAL ? FontSize._1 : FontSize._2;
        return new Style().setBold(text.bold()).setFontSize(width, height).setJustification(switch (text.align()) {
            case LEFT -> Justification.Left_Default;
            case CENTER -> Justification.Center;
            case RIGHT -> Justification.Right;
        });
    }

    private static void barcode(EscPos escpos, PrintDocument.Code128 code) throws IOException {
        BarCode barcode = new BarCode()
                .setSystem(BarCode.BarCodeSystem.CODE128)
                .setBarCodeSize(PrintDocument.Code128Sizes.MODULE_DOTS, BARCODE_HEIGHT_DOTS)
                .setHRIPosition(BarCode.BarCodeHRIPosition.BelowBarCode)
                .setJustification(Justification.Center);
        escpos.write(barcode, Code128Data.encode(code.data()).data());
        escpos.feed(1);
    }

    private void qr(EscPos escpos, PrintDocument.QrCode qr) throws IOException {
        if (qrPrinting == QrPrinting.NATIVE) {
            raw(escpos, EscPosCommands.justify(1));
            raw(escpos, EscPosCommands.qrCode(qr.data(), qr.moduleDots()));
            raw(escpos, EscPosCommands.justify(0));
        } else {
            int modules = QrCodes.matrix(qr.data(), 2).getWidth();
            int scale = Math.max(1, Math.min(qr.moduleDots(), paper.dots() / modules));
            BitMatrix dots = QrCodes.dots(qr.data(), 2, scale);
            EscPosImage image = new EscPosImage(new CoffeeImageImpl(MatrixToImageWriter.toBufferedImage(dots)),
                    new BitonalThreshold());
            escpos.write(new RasterBitImageWrapper().setJustification(Justification.Center), image);
        }
        escpos.feed(1);
    }

    private static void raw(EscPos escpos, byte[] bytes) throws IOException {
        escpos.write(bytes, 0, bytes.length);
    }
}
