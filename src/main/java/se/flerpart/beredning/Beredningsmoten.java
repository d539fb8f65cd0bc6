package se.flerpart.beredning;

import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.flerpart.arende.Arende;
import se.flerpart.arende.ArendeService;
import se.flerpart.referens.InsatsRepository;
import se.flerpart.sakerhet.Anvandare;
import se.flerpart.uppgift.Uppgift;
import se.flerpart.uppgift.UppgiftService;
import se.flerpart.web.AtkomstNekad;
import se.flerpart.web.Datum;
import se.flerpart.web.EjFunnen;
import se.flerpart.web.ValideringsFel;

/**
 * The beredningsgrupp's meetings: each insats' schedule, which the administrator edits, and the
 * agenda of a meeting — the cases whose {@code bered-arende} is open, oldest first. A case not
 * reached at a meeting simply stays open, so it is on the next agenda, marked as moved.
 */
@Service
public class Beredningsmoten {

  static final String ELEMENT = "bered-arende";
  static final DateTimeFormatter DAG =
      DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.forLanguageTag("sv"));

  /** The schedule form's fields and their labels, for messages that name the field. */
  public static final Map<String, String> ETIKETTER =
      Map.of(
          "forstaDatum", "Första mötesdag",
          "tid", "Klockslag",
          "intervallVeckor", "Intervall i veckor",
          "plats", "Plats",
          "beredningsgrupp", "Beredningsgrupp");

  /** The schedule as the form and the API send it: text, as typed. */
  /**
   * What the administrator typed; kept as a flash attribute (in the login session, which lives in
   * the database) to refill the form after an error, hence serializable.
   */
  public record SchemaIn(String forstaDatum, String tid, String intervallVeckor, String plats)
      implements Serializable {}

  /** A case on the agenda; {@code flyttatFran} the earlier meeting it was not reached at. */
  public record Punkt(Uppgift uppgift, Arende arende, LocalDate flyttatFran) {}

  private final BeredningsmoteRepository moten;
  private final InsatsRepository insatser;
  private final UppgiftService uppgifter;
  private final ArendeService arenden;
  private final Clock klocka;

  private final ApplicationEventPublisher handelser;

  Beredningsmoten(
      BeredningsmoteRepository moten,
      InsatsRepository insatser,
      UppgiftService uppgifter,
      ArendeService arenden,
      ApplicationEventPublisher handelser,
      Clock klocka) {
    this.handelser = handelser;
    this.moten = moten;
    this.insatser = insatser;
    this.uppgifter = uppgifter;
    this.arenden = arenden;
    this.klocka = klocka;
  }

  /** The insats' schedule; empty when it has none yet. */
  public Optional<Motesschema> schema(String insats) {
    return moten.schema(insats);
  }

  /** The next meeting's day, as the admin page shows it ("torsdag 10 december 2026 kl. 09:00"). */
  public Optional<String> nastaMote(String insats) {
    return moten
        .schema(insats)
        .map(s -> s.nasta(klocka.instant()))
        .map(d -> DAG.format(d) + " kl. " + moten.schema(insats).orElseThrow().tid());
  }

  /** The form's starting values: the next meeting as first day, so that saving again is valid. */
  public SchemaIn formular(String insats) {
    return moten
        .schema(insats)
        .map(
            s ->
                new SchemaIn(
                    s.nasta(klocka.instant()).toString(),
                    s.tid().toString(),
                    String.valueOf(s.intervallVeckor()),
                    s.plats()))
        .orElse(new SchemaIn("", "09:00", String.valueOf(Motesschema.STANDARDINTERVALL), ""));
  }

  /**
   * Saves the schedule, for the administrator only. A first day in the past, a time or interval
   * that cannot be read, or an insats whose beredningsgrupp has no members changes nothing.
   */
  @Transactional
  public Motesschema spara(String insats, SchemaIn in, Anvandare vem) {
    if (vem == null || !vem.harRoll(Anvandare.ADMIN)) {
      throw new AtkomstNekad("Bara en administratör kan ändra beredningsgruppens mötesdagar.");
    }
    if (insatser.hitta(insats).isEmpty()) {
      throw new EjFunnen("Insatsen " + insats + " finns inte.");
    }
    Map<String, String> fel = new LinkedHashMap<>();
    LocalDate idag = klocka.instant().atZone(ArendeService.SVERIGE).toLocalDate();
    LocalDate dag = null;
    if (in == null || in.forstaDatum() == null || in.forstaDatum().isBlank()) {
      fel.put("forstaDatum", etikett("forstaDatum", "Ange dagen för det första mötet."));
    } else {
      dag = Datum.tolka(in.forstaDatum()).orElse(null);
      if (dag == null) {
        fel.put("forstaDatum", etikett("forstaDatum", Datum.meddelande(idag.plusDays(14))));
      } else if (dag.isBefore(idag)) {
        fel.put(
            "forstaDatum",
            etikett(
                "forstaDatum",
                dag + " har redan passerat. Ange en dag från och med i dag (" + idag + ")."));
      }
    }
    LocalTime tid = null;
    if (in == null || in.tid() == null || in.tid().isBlank()) {
      fel.put("tid", etikett("tid", "Ange klockslaget, till exempel 09:00."));
    } else {
      tid = Datum.tolkaTid(in.tid()).orElse(null);
      if (tid == null) {
        fel.put("tid", etikett("tid", Datum.TIDSMEDDELANDE));
      }
    }
    int intervall = Motesschema.STANDARDINTERVALL;
    if (in != null && in.intervallVeckor() != null && !in.intervallVeckor().isBlank()) {
      try {
        intervall = Integer.parseInt(in.intervallVeckor().strip());
      } catch (NumberFormatException e) {
        intervall = 0;
      }
      if (intervall < 1 || intervall > 52) {
        fel.put(
            "intervallVeckor",
            etikett("intervallVeckor", "Ange ett helt antal veckor mellan 1 och 52."));
      }
    }
    String plats = in == null || in.plats() == null ? null : in.plats().strip();
    if (plats != null && plats.length() > 200) {
      fel.put("plats", etikett("plats", "Högst 200 tecken."));
    }
    if (insatser.beredningsgrupp(insats).isEmpty()) {
      fel.put(
          "beredningsgrupp",
          etikett(
              "beredningsgrupp",
              "Insatsens beredningsgrupp har inga medlemmar. Lägg till minst en medlem innan"
                  + " mötesdagarna bestäms."));
    }
    if (!fel.isEmpty()) {
      throw new ValideringsFel(fel);
    }
    Motesschema schema =
        new Motesschema(
            insats, dag, tid, intervall, plats == null || plats.isEmpty() ? null : plats);
    Motesschema fore = moten.schema(insats).orElse(null);
    moten.spara(schema, klocka.instant());
    handelser.publishEvent(new MotesschemaAndrat(vem.id(), fore, schema));
    return schema;
  }

  private static String etikett(String falt, String meddelande) {
    return ETIKETTER.get(falt) + ": " + meddelande;
  }

  /**
   * The agenda of the insats' meeting {@code mote}: the cases whose {@code bered-arende} is open,
   * oldest first, each marked with the earlier meeting it was left over from.
   */
  public List<Punkt> dagordning(Motesschema schema, LocalDate mote) {
    return dagordning(schema.insats(), schema, mote);
  }

  /** As {@link #dagordning(Motesschema, LocalDate)}; without a schedule nothing is marked moved. */
  public List<Punkt> dagordning(String insats, Motesschema schema, LocalDate mote) {
    LocalDate fore = schema == null ? null : schema.foregaende(mote).orElse(null);
    return uppgifter.oppna().stream()
        .filter(u -> ELEMENT.equals(u.elementId()) && u.arendeId() != null)
        .filter(u -> u.kandidatgrupper().contains("beredning-" + insats))
        .sorted(Comparator.comparing(Uppgift::skapad).thenComparing(Uppgift::id))
        .map(
            u ->
                new Punkt(
                    u,
                    arenden.hamta(u.arendeId()),
                    fore != null && u.skapad().isBefore(schema.start(fore)) ? fore : null))
        .toList();
  }

  /** The insats' name, or its code. */
  public String insatsnamn(String insats) {
    return insatser.hitta(insats).map(InsatsRepository.Insats::namn).orElse(insats);
  }

  List<String> medlemmar(String insats) {
    return insatser.beredningsgrupp(insats);
  }

  /** A coming beredningsmöte, as a calendar shows it: no case, no person. */
  public record Kommande(
      String insats, String insatsnamn, LocalDate datum, Instant tid, String plats) {}

  /**
   * The meetings of the beredningsgrupper the user is a member of, from {@code fran} (inclusive) to
   * {@code till} (exclusive), in time order.
   */
  public List<Kommande> kommande(Anvandare anvandare, Instant fran, Instant till) {
    List<Kommande> moten = new java.util.ArrayList<>();
    for (Motesschema s : this.moten.allaScheman()) {
      if (!insatser.beredningsgrupp(s.insats()).contains(anvandare.id())) {
        continue;
      }
      String namn = insatsnamn(s.insats());
      LocalDate dag = s.forstaFran(fran.atZone(ArendeService.SVERIGE).toLocalDate());
      while (s.start(dag).isBefore(till)) {
        if (!s.start(dag).isBefore(fran)) {
          moten.add(new Kommande(s.insats(), namn, dag, s.start(dag), s.plats()));
        }
        dag = dag.plusWeeks(s.intervallVeckor());
      }
    }
    moten.sort(Comparator.comparing(Kommande::tid));
    return moten;
  }

  /** Seeds a schedule unless the insats has one; for the demo data. */
  public void sattOmSaknas(Motesschema schema) {
    moten.sparaOmSaknas(schema, klocka.instant());
  }
}
