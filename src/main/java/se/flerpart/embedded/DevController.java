package se.flerpart.embedded;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import se.flerpart.arende.ArendeAtkomst;
import se.flerpart.arende.ArendeService;
import se.flerpart.sakerhet.Anvandare;
import se.flerpart.sakerhet.Inloggning;
import se.flerpart.web.AtkomstNekad;
import se.flerpart.web.ValideringsFel;

/** What only the embedded default offers: the mails sent so far and a movable engine clock. */
@Controller
class DevController {

  /**
   * Every mail about a case names it in the subject ("… ärende 2026-0001 …", "Ärende 2026-0001:
   * …").
   */
  private static final Pattern ARENDENUMMER =
      Pattern.compile("ärende (\\d{4}-\\d{4,})", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** An http or https address, up to white space; punctuation that ends a sentence is left out. */
  private static final Pattern ADRESS = Pattern.compile("https?://[^\\s<>\"]*[^\\s<>\".,;:!?)]");

  private final ObjectProvider<EmbeddedMailserver> mailserver;
  private final ObjectProvider<EmbeddedMotor> motor;
  private final ArendeService arenden;
  private final ArendeAtkomst atkomst;

  DevController(
      ObjectProvider<EmbeddedMailserver> mailserver,
      ObjectProvider<EmbeddedMotor> motor,
      ArendeService arenden,
      ArendeAtkomst atkomst) {
    this.mailserver = mailserver;
    this.motor = motor;
    this.arenden = arenden;
    this.atkomst = atkomst;
  }

  @GetMapping("/api/dev/mail")
  @ResponseBody
  public List<EmbeddedMailserver.Mail> mail(@AuthenticationPrincipal Inloggning in) {
    return lasOchLogga(in);
  }

  @GetMapping("/dev/mail")
  public String mailsida(@AuthenticationPrincipal Inloggning in, Model model) {
    model.addAttribute(
        "mail",
        lasOchLogga(in).reversed().stream().map(m -> new MailVy(m, delar(m.text()))).toList());
    return "dev/mail";
  }

  /** A mail as the page shows it: its text in parts, the web addresses in it as links. */
  record MailVy(EmbeddedMailserver.Mail mail, List<Del> delar) {}

  /** A part of a mail's text: a web address (to follow, as a mail program would) or plain text. */
  record Del(String text, boolean lank) {}

  /** The text split at its web addresses, so that the page can show them as links. */
  static List<Del> delar(String text) {
    List<Del> delar = new ArrayList<>();
    if (text == null) {
      return delar;
    }
    Matcher m = ADRESS.matcher(text);
    int fran = 0;
    while (m.find()) {
      if (m.start() > fran) {
        delar.add(new Del(text.substring(fran, m.start()), false));
      }
      delar.add(new Del(m.group(), true));
      fran = m.end();
    }
    if (fran < text.length()) {
      delar.add(new Del(text.substring(fran), false));
    }
    return delar;
  }

  /**
   * The mails, for the administrator only: the embedded SMTP server stands in for everyone's
   * mailbox, and kallelser, plans and återkoppling name the person and the meeting's syfte. A read
   * writes one audit row per case whose mails it shows. A mail about no case (an avvikelse, a
   * report) carries no one's personal data — avvikelser are kept free of it — and leaves no row.
   */
  private List<EmbeddedMailserver.Mail> lasOchLogga(Inloggning in) {
    if (in == null || !in.anvandare().harRoll(Anvandare.ADMIN)) {
      throw new AtkomstNekad(
          "Bara administratören kan läsa de inbyggda mailen: de innehåller personuppgifter.");
    }
    List<EmbeddedMailserver.Mail> mail = mailserver().mottagna();
    Set<String> nummer = new LinkedHashSet<>();
    for (EmbeddedMailserver.Mail m : mail) {
      Matcher traff = ARENDENUMMER.matcher(m.amne() == null ? "" : m.amne());
      if (traff.find()) {
        nummer.add(traff.group(1));
      }
    }
    for (String n : nummer) {
      arenden
          .hittaMedNummer(n)
          .ifPresent(
              a -> atkomst.loggaLasning(in.anvandare().id(), a.id(), ArendeAtkomst.LAS_MAIL));
    }
    return mail;
  }

  public record Klocka(String fram) {}

  /** The shortest and longest move of one call: every deadline inside it fires at once. */
  static final Duration MINST = Duration.ofSeconds(1);

  static final Duration HOGST = Duration.ofDays(1000);

  @PostMapping("/api/dev/klocka")
  @ResponseBody
  public Map<String, String> klocka(
      @RequestBody(required = false) Klocka klocka, @AuthenticationPrincipal Inloggning in) {
    if (in == null || !in.anvandare().harRoll(Anvandare.ADMIN)) {
      throw new AtkomstNekad("Bara administratören kan flytta processmotorns klocka.");
    }
    EmbeddedMotor embedded = motor.getIfAvailable();
    if (embedded == null) {
      throw new ResponseStatusException(
          HttpStatus.NOT_FOUND, "Klockan kan bara flyttas i den inbyggda processmotorn");
    }
    Duration fram;
    try {
      fram = Duration.parse(klocka == null || klocka.fram() == null ? "" : klocka.fram());
    } catch (DateTimeParseException | ArithmeticException e) {
      throw new ValideringsFel(
          "fram", "Ange en tidslängd enligt ISO 8601, till exempel P3D eller PT2H");
    }
    if (fram.isNegative() || fram.isZero()) {
      throw new ValideringsFel("fram", "Klockan kan bara flyttas framåt");
    }
    if (fram.compareTo(MINST) < 0 || fram.compareTo(HOGST) > 0) {
      throw new ValideringsFel(
          "fram", "Klockan flyttas minst en sekund och högst 1000 dagar åt gången");
    }
    embedded.flyttaKlockanFram(fram);
    return Map.of("fram", fram.toString(), "motorTid", embedded.nu().toString());
  }

  private EmbeddedMailserver mailserver() {
    EmbeddedMailserver server = mailserver.getIfAvailable();
    if (server == null) {
      throw new ResponseStatusException(
          HttpStatus.NOT_FOUND, "Mail visas bara när den inbyggda SMTP-servern används");
    }
    return server;
  }
}
