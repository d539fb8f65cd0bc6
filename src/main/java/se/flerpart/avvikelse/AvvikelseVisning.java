package se.flerpart.avvikelse;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import se.flerpart.referens.InsatsRepository;
import se.flerpart.referens.PartRepository;
import se.flerpart.sakerhet.AnvandareRepository;

/** Turns stored deviations into {@link AvvikelseVy}: names for codes, age, who holds it now. */
@Component
class AvvikelseVisning {

  static final String FLERPART = "Flerpart (automatiskt)";

  private final AvvikelsetypRepository typer;
  private final PartRepository parter;
  private final InsatsRepository insatser;
  private final AnvandareRepository anvandare;
  private final AvvikelseService avvikelser;

  private final Clock klocka;

  AvvikelseVisning(
      AvvikelsetypRepository typer,
      PartRepository parter,
      InsatsRepository insatser,
      AnvandareRepository anvandare,
      AvvikelseService avvikelser,
      Clock klocka) {
    this.klocka = klocka;
    this.typer = typer;
    this.parter = parter;
    this.insatser = insatser;
    this.anvandare = anvandare;
    this.avvikelser = avvikelser;
  }

  /** Names looked up once for a whole list. */
  final class Namn {
    private final Map<String, Avvikelsetyp> typ =
        typer.alla().stream().collect(Collectors.toMap(Avvikelsetyp::kod, Function.identity()));
    private final Map<String, String> part =
        parter.alla().stream()
            .collect(Collectors.toMap(PartRepository.Part::kod, PartRepository.Part::namn));
    private final Map<String, String> person = new HashMap<>();
    private final Map<String, String> insats = new HashMap<>();

    String typ(String kod) {
      Avvikelsetyp t = typ.get(kod);
      return t == null ? kod : t.namn();
    }

    String kategori(String kod) {
      Avvikelsetyp t = typ.get(kod);
      return t == null ? null : t.kategori();
    }

    String part(String kod) {
      return part.getOrDefault(kod, kod);
    }

    String person(String id) {
      if (id == null) {
        return null;
      }
      return person.computeIfAbsent(
          id, i -> anvandare.hitta(i).map(a -> a.namn() + " (" + part(a.part()) + ")").orElse(i));
    }

    String insats(String kod) {
      if (kod == null) {
        return null;
      }
      return insats.computeIfAbsent(
          kod, k -> insatser.hitta(k).map(InsatsRepository.Insats::namn).orElse(k));
    }
  }

  Namn namn() {
    return new Namn();
  }

  public List<AvvikelseVy> lista(List<Avvikelse> lista) {
    Namn n = new Namn();
    Instant nu = klocka.instant();
    return lista.stream().map(a -> vy(a, n, nu, null, null)).toList();
  }

  public AvvikelseVy detalj(Avvikelse a, List<AvvikelseVy.OppenUppgift> uppgifter) {
    Namn n = new Namn();
    List<AvvikelseVy.Handelse> historik =
        avvikelser.historik(a.id()).stream()
            .map(
                h ->
                    new AvvikelseVy.Handelse(
                        h.tid(),
                        h.typ(),
                        h.beskrivning(),
                        h.utfordAv() == null ? null : n.person(h.utfordAv())))
            .toList();
    return vy(a, n, klocka.instant(), historik, uppgifter);
  }

  private AvvikelseVy vy(
      Avvikelse a,
      Namn n,
      Instant nu,
      List<AvvikelseVy.Handelse> historik,
      List<AvvikelseVy.OppenUppgift> uppgifter) {
    return new AvvikelseVy(
        a.id(),
        a.nummer(),
        a.typ(),
        n.typ(a.typ()),
        n.kategori(a.typ()),
        a.berordPart(),
        n.part(a.berordPart()),
        a.status().name(),
        a.status().text(),
        a.status().oppen(),
        hosVem(a, n),
        a.allvarlighet(),
        a.allvarlighet() == null ? null : AvvikelseService.allvarlighetText(a.allvarlighet()),
        a.arendeId(),
        a.arendenummer(),
        a.insats(),
        n.insats(a.insats()),
        a.beloppTkr(),
        a.rapporteradAv(),
        a.automatisk() ? FLERPART : n.person(a.rapporteradAv()),
        a.kalla(),
        a.utredare(),
        n.person(a.utredare()),
        a.beskrivning(),
        a.bedomning(),
        a.analys(),
        a.atgard(),
        a.eskalerad(),
        a.beslut(),
        a.skapad(),
        a.senastHanterad(),
        a.avslutad(),
        a.alderDagar(nu),
        Duration.between(a.senastHanterad(), a.avslutad() == null ? nu : a.avslutad()).toDays(),
        historik,
        uppgifter);
  }

  private static String hosVem(Avvikelse a, Namn n) {
    return switch (a.status()) {
      case NY, UNDER_BEDOMNING -> "Processledaren";
      case UNDER_ATGARD -> n.person(a.utredare());
      case ESKALERAD -> "Styrgruppen";
      case AVSLUTAD -> null;
    };
  }
}
