package io.chainpos.till.device.qr;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.EncodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** QR codes drawn and read with ZXing: the matrix the printer rasterises, images for screens, decoding pictures. */
public final class QrCodes {
    private QrCodes() {
    }

    /**
     * The modules of a QR code of {@code text} (level M, UTF-8) with {@code quietZone} white modules around it,
     * one matrix cell per module.
     */
    public static BitMatrix matrix(String text, int quietZone) {
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, Map.of(
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                    EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name(),
                    EncodeHintType.MARGIN, quietZone));
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot make a QR code of " + text.length() + " characters", e);
        }
    }

    /** A square black-on-white image about {@code pixels} wide, whole pixels per module so it stays sharp. */
    public static BufferedImage image(String text, int pixels) {
        int modules = matrix(text, 4).getWidth();
        return MatrixToImageWriter.toBufferedImage(dots(text, 4, Math.max(1, pixels / modules)));
    }

    /** The QR code drawn at {@code dotsPerModule} dots (or pixels) a module, quiet zone included. */
    public static BitMatrix dots(String text, int quietZone, int dotsPerModule) {
        BitMatrix modules = matrix(text, quietZone);
        BitMatrix dots = new BitMatrix(modules.getWidth() * dotsPerModule);
        for (int y = 0; y < dots.getHeight(); y++) {
            for (int x = 0; x < dots.getWidth(); x++) {
                if (modules.get(x / dotsPerModule, y / dotsPerModule)) {
                    dots.set(x, y);
                }
            }
        }
        return dots;
    }

    /**
     * The text of the QR code in a picture, such as a screenshot of a phone showing a member code among other
     * things; empty when no QR code can be read.
     */
    public static Optional<String> decode(BufferedImage picture) {
        LuminanceSource source = new BufferedImageLuminanceSource(picture);
        Map<DecodeHintType, Object> hints = Map.of(
                DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE),
                DecodeHintType.TRY_HARDER, Boolean.TRUE,
                DecodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name());
        for (BinaryBitmap bitmap : List.of(new BinaryBitmap(new HybridBinarizer(source)),
                new BinaryBitmap(new GlobalHistogramBinarizer(source)))) {
            try {
                return Optional.of(new MultiFormatReader().decode(bitmap, hints).getText());
            } catch (NotFoundException e) {
                // not readable with this binarizer: a photo with uneven light may need the other one
            }
        }
        return Optional.empty();
    }
}
