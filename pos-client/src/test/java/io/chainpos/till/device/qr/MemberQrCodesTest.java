package io.chainpos.till.device.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.chainpos.model.id.CardNo;
import io.chainpos.model.member.MemberCode;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemberQrCodesTest {
    private static final CardNo CARD = new CardNo("880000000017");
    @TempDir
    Path dir;

    @Test
    void theScreenImageReadsBackAsTheMembersCard() throws IOException {
        Path file = dir.resolve("member.png");
        byte[] png = MemberQrCodes.png(CARD, 300);
        Files.write(file, png);

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(image.getHeight()).isBetween(250, 300);
        assertThat(MemberQrCodes.readText(file)).contains(MemberCode.encode(CARD));
        assertThat(MemberQrCodes.readCard(file)).contains(CARD);
    }

    @Test
    void aPhoneScreenshotWithTheCodeAmongOtherThingsIsRead() throws IOException {
        BufferedImage screenshot = new BufferedImage(1080, 1920, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = screenshot.createGraphics();
        g.setPaint(new java.awt.GradientPaint(0, 0, new Color(40, 120, 200), 0, 1920, new Color(230, 240, 250)));
        g.fillRect(0, 0, 1080, 1920);
        Random noise = new Random(42);
        for (int i = 0; i < 400; i++) {
            g.setColor(new Color(noise.nextInt(0x1000000)));
            g.fillOval(noise.nextInt(1080), noise.nextInt(1920), 6, 6);
        }
        g.setColor(Color.WHITE);
        g.fillRoundRect(190, 600, 700, 820, 40, 40);
        g.setColor(Color.DARK_GRAY);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 48));
        g.drawString("Member card", 380, 700);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(MemberQrCodes.image(CARD, 200), 250, 760, 577, 577, null);
        g.dispose();
        Path file = dir.resolve("screenshot.jpg");
        ImageIO.write(screenshot, "jpg", file.toFile());

        assertThat(MemberQrCodes.readCard(file)).contains(CARD);
    }

    @Test
    void zbarReadsWhatTheTillDraws() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/zbarimg")), "zbarimg (Debian zbar-tools) is not installed");
        Path file = dir.resolve("member.png");
        Files.write(file, MemberQrCodes.png(CARD, 240));

        Process zbar = new ProcessBuilder("zbarimg", "-q", "--raw", "--nodbus", file.toString()).redirectErrorStream(true).start();
        String read = new String(zbar.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();

        assertThat(zbar.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(read).isEqualTo(MemberCode.encode(CARD));
    }

    @Test
    void aPictureWithoutAMemberCodeIsNoMember() throws IOException {
        Path blank = dir.resolve("blank.png");
        ImageIO.write(new BufferedImage(200, 200, BufferedImage.TYPE_INT_RGB), "png", blank.toFile());
        Path otherCode = dir.resolve("wifi.png");
        ImageIO.write(QrCodes.image("WIFI:S:shop;T:WPA;P:secret;;", 240), "png", otherCode.toFile());
        Path damaged = dir.resolve("damaged.png");
        ImageIO.write(QrCodes.image("CPM1:880000000017:00", 240), "png", damaged.toFile());
        Path notAnImage = Files.writeString(dir.resolve("notes.png"), "hello");

        assertThat(MemberQrCodes.readText(blank)).isEmpty();
        assertThat(MemberQrCodes.readText(otherCode)).contains("WIFI:S:shop;T:WPA;P:secret;;");
        assertThat(MemberQrCodes.readCard(otherCode)).isEmpty();
        assertThat(MemberQrCodes.readCard(damaged)).isEmpty();
        assertThatThrownBy(() -> MemberQrCodes.readCard(notAnImage)).isInstanceOf(IOException.class)
                .hasMessageContaining("not an image");
    }
}
