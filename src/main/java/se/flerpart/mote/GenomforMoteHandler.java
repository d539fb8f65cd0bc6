package se.flerpart.mote;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import se.flerpart.arende.Arende;
import se.flerpart.arende.ArendeAtkomst;
import se.flerpart.arende.ArendeFormularData;
import se.flerpart.arende.ArendeHistorik;
import se.flerpart.arende.ArendeService;
import se.flerpart.arende.ArendeStatus;
import se.flerpart.sakerhet.Anvandare;
import se.flerpart.uppgift.Uppgift;
import se.flerpart.uppgift.UppgiftHandler;
import se.flerpart.web.EjFunnen;

/**
 * {@code genomfor-mote}: the ordförande runs the meeting with the "Stöd för ordförande" checklist,
 * records who came, the gemensam plan and the minutes. The process learns only which required parts
 * stayed away, to register their deviations:
 *
 * <ul>
 *   <li>{@code franvarandeParter}: accepted and did not come, <em>Part uteblev</em> ({@code
 *       PART_UTEBLEV});
 *   <li>{@code obesvaradeParter}: never answered the kallelse and did not come, <em>Kallelse
 *       obesvarad</em> ({@code KALLELSE_OBESVARAD}). At the answer deadline the process only told
 *       the ärendebärare; a part that did not answer but came gets no deviation at all.
 * </ul>
 *
 * A required part that declined got its {@code PART_AVBOJDE} when it answered; parts that were not
 * required get none.
 */
@Component
class GenomforMoteHandler implements UppgiftHandler {

  private final MoteRepository moten;
  private final PlanRepository planer;
  private final ArendeService arenden;
  private final ArendeAtkomst atkomst;
  private final ArendeHistorik historik;
  private final ArendeFormularData formularData;
  private final KallelseUtskick utskick;
  private final Clock klocka;
  private final ApplicationEventPublisher handelser;

  GenomforMoteHandler(
      MoteRepository moten,
      PlanRepository planer,
      ArendeService arenden,
      ArendeAtkomst atkomst,
      ArendeHistorik historik,
      ArendeFormularData formularData,
      KallelseUtskick utskick,
      Clock klocka,
      ApplicationEventPublisher handelser) {
    this.moten = moten;
    this.planer = planer;
    this.arenden = arenden;
    this.atkomst = atkomst;
    this.historik = historik;
    this.formularData = formularData;
    this.utskick = utskick;
    this.klocka = klocka;
    this.handelser = handelser;
  }

  @Override
  public String elementId() {
    return "genomfor-mote";
  }

  @Override
  public Map<String, Object> formularData(Uppgift uppgift, Anvandare vem) {
    Mote mote = mote(uppgift);
    Arende arende = arenden.hamta(uppgift.arendeId());
    boolean synliga = atkomst.kanLasaPersonuppgifter(vem, arende);
    Map<String, Object> data = new HashMap<>(formularData.arende(uppgift.arendeId(), vem));
    data.put("parter", formularData.parter());
    data.put("syfte", mote.syfte());
    data.put("motesTidText", KallelseUtskick.TID.format(mote.motesTid()));
    data.put("platsText", mote.platsText());
    StringBuilder kallade = new StringBuilder();
    List<Map<String, Object>> narvaro = new ArrayList<>();
    for (Kallelse k : moten.kallelser(mote.id())) {
      if (!k.aktiv()) {
        continue;
      }
      String namn = synliga || k.roll() == Roll.PROFESSIONELL ? k.namn() : k.roll().text();
      kallade
          .append("- **")
          .append(namn)
          .append("** – ")
          .append(k.roll() == Roll.PROFESSIONELL ? utskick.partNamn(k.part()) : k.roll().text())
          .append(k.kravs() ? " (krävs)" : "")
          .append(": ")
          .append(k.svar() == null ? "inget svar" : k.svar().text().toLowerCase(Locale.ROOT))
          .append('\n');
      Map<String, Object> rad = new HashMap<>();
      rad.put("namn", namn);
      rad.put("epost", synliga || k.roll() == Roll.PROFESSIONELL ? k.epost() : null);
      rad.put("narvarande", k.svar() == Svar.ACCEPTERAR);
      narvaro.add(rad);
    }
    data.put("kalladeText", kallade.toString());
    data.put("narvaro", narvaro);
    return data;
  }

  @Override
  public void validera(Uppgift uppgift, Map<String, Object> data, Map<String, String> fel) {
    Mote mote = mote(uppgift);
    List<Kallelse> kallade = moten.kallelser(mote.id()).stream().filter(Kallelse::aktiv).toList();
    List<Map<String, Object>> narvaro = rader(data.get("narvaro"));
    Set<UUID> angivna = new LinkedHashSet<>();
    for (int i = 0; i < narvaro.size(); i++) {
      Optional<Kallelse> k = matcha(kallade, narvaro.get(i));
      if (k.isEmpty()) {
        fel.put("narvaro[" + i + "].epost", "Personen finns inte bland de kallade till mötet");
      } else if (!angivna.add(k.get().id())) {
        fel.put("narvaro[" + i + "].epost", "Närvaron för personen är redan angiven");
      }
    }
    List<String> saknas =
        kallade.stream()
            .filter(k -> k.kravs() && !angivna.contains(k.id()))
            .map(k -> k.namn() + " (" + utskick.partNamn(k.part()) + ")")
            .toList();
    if (!saknas.isEmpty() && !fel.containsKey("narvaro")) {
      fel.put("narvaro", "Ange närvaro för alla parter som krävs: " + String.join(", ", saknas));
    }
    Map<String, Object> plan = karta(data.get("plan"));
    if (rader(plan.get("atgarder")).isEmpty()) {
      fel.put("plan.atgarder", "Lägg till minst en åtgärd: vem gör vad och till när");
    }
    LocalDate idag = klocka.instant().atZone(ArendeService.SVERIGE).toLocalDate();
    Object uppfoljning = plan.get("uppfoljningsdatum");
    if (uppfoljning != null && !LocalDate.parse(uppfoljning.toString()).isAfter(idag)) {
      fel.put("plan.uppfoljningsdatum", "Uppföljningen ska ligga efter dagens datum");
    }
    List<Map<String, Object>> atgarder = rader(plan.get("atgarder"));
    for (int i = 0; i < atgarder.size(); i++) {
      Object senast = atgarder.get(i).get("senast");
      if (senast != null && LocalDate.parse(senast.toString()).isBefore(idag)) {
        fel.put("plan.atgarder[" + i + "].senast", "Datumet har redan passerat");
      }
    }
  }

  @Override
  public void slutford(Uppgift uppgift, Map<String, Object> data, Anvandare vem) {
    Mote mote = mote(uppgift);
    if (mote.status() == MoteStatus.GENOMFORT) {
      return;
    }
    Instant nu = klocka.instant();
    List<Kallelse> kallade = moten.kallelser(mote.id()).stream().filter(Kallelse::aktiv).toList();
    int narvarande = 0;
    for (Map<String, Object> rad : rader(data.get("narvaro"))) {
      Optional<Kallelse> k = matcha(kallade, rad);
      if (k.isPresent()) {
        boolean kom = Boolean.TRUE.equals(rad.get("narvarande"));
        moten.narvaro(k.get().id(), kom);
        narvarande += kom ? 1 : 0;
      }
    }
    List<String> checklista = new ArrayList<>();
    if (data.get("checklista") instanceof Collection<?> c) {
      c.forEach(o -> checklista.add(o.toString()));
    }
    moten.genomfort(mote.id(), checklista, text(data.get("anteckningar")), vem.id(), nu);
    Map<String, Object> plan = karta(data.get("plan"));
    List<Plan.Atgard> atgarder =
        rader(plan.get("atgarder")).stream()
            .map(
                a ->
                    new Plan.Atgard(
                        a.get("beskrivning").toString().strip(),
                        a.get("ansvarigPart").toString(),
                        a.get("ansvarig").toString().strip(),
                        LocalDate.parse(a.get("senast").toString())))
            .toList();
    Plan sparad =
        planer.spara(
            new Plan(
                UUID.randomUUID(),
                mote.arendeId(),
                mote.id(),
                0,
                plan.get("mal").toString().strip(),
                LocalDate.parse(plan.get("uppfoljningsdatum").toString()),
                atgarder,
                nu,
                vem.id()));
    arenden.sattStatusUnderMote(mote.arendeId(), ArendeStatus.PLAN_UPPRATTAD);
    historik.logga(
        mote.arendeId(),
        "MOTE",
        "Flerpartsmöte genomfört: "
            + narvarande
            + " av "
            + kallade.size()
            + " kallade närvarande. Gemensam plan version "
            + sparad.version()
            + " med "
            + atgarder.size()
            + (atgarder.size() == 1 ? " åtgärd" : " åtgärder")
            + ", uppföljning "
            + sparad.uppfoljningsdatum(),
        vem.id());
    String arendenummer = arenden.hamta(mote.arendeId()).arendenummer();
    List<Kallelse> efter = moten.kallelser(mote.id()).stream().filter(Kallelse::aktiv).toList();
    handelser.publishEvent(
        new MoteGenomfort(
            mote.arendeId(),
            arendenummer,
            nu,
            mote.id(),
            efter.stream()
                .filter(k -> Boolean.TRUE.equals(k.narvarande()) && k.part() != null)
                .map(Kallelse::part)
                .distinct()
                .toList(),
            franvarandeParter(mote)));
    handelser.publishEvent(
        new PlanFaststalld(
            mote.arendeId(),
            arendenummer,
            nu,
            mote.id(),
            sparad.id(),
            sparad.version(),
            atgarder.size(),
            atgarder.stream().map(Plan.Atgard::ansvarigPart).distinct().toList(),
            sparad.uppfoljningsdatum()));
  }

  @Override
  public Set<String> processvariabler() {
    return Set.of();
  }

  /** The required parts that stayed away, by whether they had accepted or never answered. */
  @Override
  public Map<String, Object> harleddaProcessvariabler(Uppgift uppgift) {
    Mote mote = mote(uppgift);
    return Map.of(
        "franvarandeParter", franvarandeParter(mote), "obesvaradeParter", obesvaradeParter(mote));
  }

  /** Required parts that never answered the kallelse and did not come either. */
  private List<String> obesvaradeParter(Mote mote) {
    return moten.kallelser(mote.id()).stream()
        .filter(Kallelse::aktiv)
        .filter(k -> k.kravs() && k.svar() == null && k.part() != null)
        .filter(k -> Boolean.FALSE.equals(k.narvarande()))
        .map(Kallelse::part)
        .distinct()
        .toList();
  }

  private List<String> franvarandeParter(Mote mote) {
    return moten.kallelser(mote.id()).stream()
        .filter(Kallelse::aktiv)
        .filter(k -> k.kravs() && k.svar() == Svar.ACCEPTERAR)
        .filter(k -> Boolean.FALSE.equals(k.narvarande()))
        .map(Kallelse::part)
        .distinct()
        .toList();
  }

  private Mote mote(Uppgift uppgift) {
    return moten
        .senasteIProcess(uppgift.processInstansNyckel())
        .orElseThrow(() -> new EjFunnen("Mötet för uppgiften finns inte."));
  }

  /** An attendance row names the invitee by e-mail, or by name when the invitee has none. */
  private static Optional<Kallelse> matcha(List<Kallelse> kallade, Map<String, Object> rad) {
    Object epost = rad.get("epost");
    if (epost != null && !epost.toString().isBlank()) {
      return kallade.stream()
          .filter(k -> k.harEpost() && k.epost().equalsIgnoreCase(epost.toString().strip()))
          .findFirst();
    }
    Object namn = rad.get("namn");
    return namn == null
        ? Optional.empty()
        : kallade.stream()
            .filter(k -> !k.harEpost())
            .filter(
                k ->
                    k.namn().equalsIgnoreCase(namn.toString().strip())
                        || k.roll().text().equalsIgnoreCase(namn.toString().strip()))
            .findFirst();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> rader(Object o) {
    List<Map<String, Object>> lista = new ArrayList<>();
    if (o instanceof Collection<?> c) {
      for (Object rad : c) {
        if (rad instanceof Map<?, ?> m) {
          lista.add((Map<String, Object>) m);
        }
      }
    }
    return lista;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> karta(Object o) {
    return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  private static String text(Object o) {
    return o == null || o.toString().isBlank() ? null : o.toString().strip();
  }
}
