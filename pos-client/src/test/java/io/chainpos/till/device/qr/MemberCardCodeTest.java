package io.chainpos.till.device.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainpos.model.id.CardNo;
import io.chainpos.model.member.MemberCode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The member screen's picture of a member's card code: a PNG of the size asked whose QR code reads back as their card. */
class MemberCardCodeTest {

    @Test
    void thePictureIsAPngWhoseCodeIsTheMembersCard() throws Exception {
        CardNo card = new CardNo("880000000017");
        byte[] png = new MemberCardCode(220).png(card);

        BufferedImage picture = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(picture.getWidth()).isEqualTo(picture.getHeight()).isBetween(150, 220);
        assertThat(QrCodes.decode(picture).flatMap(MemberCode::decode)).contains(card);
    }

    @Test
    void aCodeTooSmallToScanIsRefused() {
        assertThatThrownBy(() -> new MemberCardCode(20)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("20");
    }
}
