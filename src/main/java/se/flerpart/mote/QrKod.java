package se.flerpart.mote;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Map;
import javax.imageio.ImageIO;

/** A QR code as a PNG data URI, which the PDF renderer (openhtmltopdf) shows as an image. */
final class QrKod {

  private static final int PIXLAR_PER_MODUL = 8;

  private QrKod() {}

  static String pngDataUri(String text) {
    BitMatrix matris;
    try {
      matris =
          new QRCodeWriter()
              .encode(
                  text,
                  BarcodeFormat.QR_CODE,
                  0,
                  0,
                  Map.of(
                      EncodeHintType.ERROR_CORRECTION,
                      ErrorCorrectionLevel.M,
                      EncodeHintType.MARGIN,
                      4));
    } catch (WriterException e) {
      throw new IllegalArgumentException("Kunde inte göra en QR-kod av länken", e);
    }
    int sida = matris.getWidth() * PIXLAR_PER_MODUL;
    BufferedImage bild = new BufferedImage(sida, sida, BufferedImage.TYPE_BYTE_BINARY);
    for (int y = 0; y < sida; y++) {
      for (int x = 0; x < sida; x++) {
        boolean svart = matris.get(x / PIXLAR_PER_MODUL, y / PIXLAR_PER_MODUL);
        bild.setRGB(x, y, svart ? 0xFF000000 : 0xFFFFFFFF);
      }
    }
    try (ByteArrayOutputStream ut = new ByteArrayOutputStream()) {
      ImageIO.write(bild, "png", ut);
      return "data:image/png;base64," + Base64.getEncoder().encodeToString(ut.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
