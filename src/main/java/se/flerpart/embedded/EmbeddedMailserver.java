package se.flerpart.embedded;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/** The in-process SMTP server of the embedded default, and the mails it has received. */
public class EmbeddedMailserver {

  private final GreenMail greenMail;

  EmbeddedMailserver(GreenMail greenMail) {
    this.greenMail = greenMail;
  }

  public record Bilaga(String filnamn, String typ, String innehall) {}

  public record Mail(
      List<String> till,
      String fran,
      String amne,
      String text,
      List<Bilaga> bilagor,
      String skickad) {}

  public List<Mail> mottagna() {
    List<Mail> mails = new ArrayList<>();
    for (MimeMessage message : greenMail.getReceivedMessages()) {
      mails.add(las(message));
    }
    return mails;
  }

  private static Mail las(MimeMessage message) {
    try {
      List<String> till =
          Arrays.stream(message.getRecipients(Message.RecipientType.TO))
              .map(Object::toString)
              .toList();
      StringBuilder text = new StringBuilder();
      List<Bilaga> bilagor = new ArrayList<>();
      samla(message, text, bilagor);
      return new Mail(
          till,
          message.getFrom() == null ? null : message.getFrom()[0].toString(),
          message.getSubject(),
          text.toString(),
          bilagor,
          message.getSentDate() == null ? null : message.getSentDate().toInstant().toString());
    } catch (MessagingException | IOException e) {
      throw new IllegalStateException("Kunde inte läsa mottaget mail", e);
    }
  }

  private static void samla(Part part, StringBuilder text, List<Bilaga> bilagor)
      throws MessagingException, IOException {
    if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart body = multipart.getBodyPart(i);
        samla(body, text, bilagor);
      }
    } else if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())
        || part.getFileName() != null) {
      try (InputStream in = part.getInputStream()) {
        bilagor.add(
            new Bilaga(
                part.getFileName(),
                part.getContentType().split(";")[0].trim(),
                Base64.getEncoder().encodeToString(in.readAllBytes())));
      }
    } else if (part.isMimeType("text/plain") && text.isEmpty()) {
      text.append(part.getContent().toString());
    }
  }
}
