package se.flerpart.avvikelse;

import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import se.flerpart.referens.PartRepository;
import se.flerpart.sakerhet.Anvandare;
import se.flerpart.sakerhet.AnvandareRepository;
import se.flerpart.uppgift.Uppgift;

/** What the deviation's task forms show about it, and the option lists they ask for. */
@Component
class AvvikelseFormularData {

  private static final DateTimeFormatter DATUM =
      DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(AvvikelseService.SVERIGE);
  private static final List<String> ROLLER =
      List.of(
          Anvandare.HANDLAGGARE,
          Anvandare.BEREDNINGSGRUPP,
          Anvandare.ORDFORANDE,
          Anvandare.PROCESSLEDARE,
          Anvandare.ADMIN);

  private final AvvikelseService avvikelser;
  private final AvvikelseVisning visning;
  private final AvvikelsetypRepository typer;
  private final PartRepository parter;
  private final AnvandareRepository anvandare;

  AvvikelseFormularData(
      AvvikelseService avvikelser,
      AvvikelseVisning visning,
      AvvikelsetypRepository typer,
      PartRepository parter,
      AnvandareRepository anvandare) {
    this.avvikelser = avvikelser;
    this.visning = visning;
    this.typer = typer;
    this.parter = parter;
    this.anvandare = anvandare;
  }

  static UUID avvikelseId(Uppgift uppgift) {
    return UUID.fromString(String.valueOf(uppgift.variabler().get("avvikelseId")));
  }

  Avvikelse avvikelse(Uppgift uppgift) {
    return avvikelser.hamta(avvikelseId(uppgift));
  }

  /** The deviation's facts for the form's text; no personal data, a case only by its number. */
  Map<String, Object> sammanfattning(Uppgift uppgift) {
    AvvikelseVy a = visning.lista(List.of(avvikelse(uppgift))).get(0);
    Map<String, Object> data = new HashMap<>();
    data.put("avvikelsenummer", a.nummer());
    data.put("avvikelseLank", "/avvikelser/" + a.id());
    data.put("typNamn", a.typNamn());
    data.put("berordPartNamn", a.berordPartNamn());
    data.put("rapporteradAvNamn", a.rapporteradAvNamn());
    data.put("rapporterad", DATUM.format(a.skapad()));
    data.put("galler", galler(a));
    data.put("beskrivning", a.beskrivning());
    data.put("allvarlighetText", a.allvarlighetText() == null ? "–" : a.allvarlighetText());
    data.put("utredareNamn", a.utredareNamn() == null ? "–" : a.utredareNamn());
    data.put("bedomningText", a.bedomning() == null ? "–" : a.bedomning());
    data.put("analysText", a.analys() == null ? "–" : a.analys());
    data.put("atgardText", a.atgard() == null ? "–" : a.atgard());
    return data;
  }

  private static String galler(AvvikelseVy a) {
    if (a.arendenummer() != null) {
      return "Ärende " + a.arendenummer();
    }
    if (a.insats() != null) {
      return "Insats "
          + a.insatsNamn()
          + (a.beloppTkr() == null ? "" : ", " + a.beloppTkr().toPlainString() + " tkr");
    }
    return "Rutinen";
  }

  /**
   * The active types of the deviation's own category (a case deviation stays one), and its own type
   * even if it has been retired since.
   */
  List<Map<String, String>> typer(String nuvarande) {
    String kategori = typer.hitta(nuvarande).map(Avvikelsetyp::kategori).orElse(null);
    return typer.alla().stream()
        .filter(t -> t.kategori().equals(kategori))
        .filter(t -> t.aktiv() || t.kod().equals(nuvarande))
        .map(t -> alternativ(t.namn(), t.kod()))
        .toList();
  }

  List<Map<String, String>> parter() {
    return parter.alla().stream().map(p -> alternativ(p.namn(), p.kod())).toList();
  }

  /** Every active user, by part then name: the utredare is a representative of the berörd part. */
  List<Map<String, String>> representanter() {
    Map<String, Anvandare> alla = new LinkedHashMap<>();
    for (String roll : ROLLER) {
      anvandare.medRoll(roll).forEach(a -> alla.putIfAbsent(a.id(), a));
    }
    return alla.values().stream()
        .sorted(Comparator.comparing(Anvandare::part).thenComparing(Anvandare::namn))
        .map(a -> alternativ(a.namn() + " (" + anvandare.partnamn(a.part()) + ")", a.id()))
        .toList();
  }

  /** The part's name, for messages. */
  String partnamn(String kod) {
    return kod == null ? null : anvandare.partnamn(kod);
  }

  boolean arRepresentant(String anvandarId, String part) {
    return anvandarId != null
        && anvandare.hitta(anvandarId).map(Anvandare::part).filter(part::equals).isPresent();
  }

  static Map<String, String> alternativ(String label, String value) {
    return Map.of("label", label, "value", value);
  }
}
