package io.chainpos.till.device.qr;

import io.chainpos.model.id.CardNo;
import io.chainpos.model.member.MemberCode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * The member card's QR code (the {@link MemberCode} payload): as a PNG for the screen (JavaFX reads it with
 * {@code new Image(InputStream)}), and read back from a picture a customer shows, such as a phone screenshot.
 */
public final class MemberQrCodes {
    private MemberQrCodes() {
    }

    public static BufferedImage image(CardNo cardNo, int pixels) {
        return QrCodes.image(MemberCode.encode(cardNo), pixels);
    }

    /** The member's QR code as PNG bytes, about {@code pixels} square. */
    public static byte[] png(CardNo cardNo, int pixels) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image(cardNo, pixels), "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a PNG in memory", e);
        }
        return out.toByteArray();
    }

    /** The text of the QR code in an image file (PNG, JPEG...), or empty when the file shows none. */
    public static Optional<String> readText(Path imageFile) throws IOException {
        BufferedImage picture = ImageIO.read(imageFile.toFile());
        if (picture == null) {
            throw new IOException("not an image this till can read: " + imageFile.getFileName());
        }
        return QrCodes.decode(picture);
    }

    /** The member card number in an image file's QR code, or empty when it holds no valid member code. */
    public static Optional<CardNo> readCard(Path imageFile) throws IOException {
        return readText(imageFile).flatMap(MemberCode::decode);
    }
}
