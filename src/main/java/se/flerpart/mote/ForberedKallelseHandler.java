package se.flerpart.mote;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import se.flerpart.arende.Arende;
import se.flerpart.arende.ArendeAtkomst;
import se.flerpart.arende.ArendeFormularData;
import se.flerpart.arende.ArendeHistorik;
import se.flerpart.arende.ArendeService;
import se.flerpart.arende.ArendeStatus;
import se.flerpart.sakerhet.Anvandare;
import se.flerpart.sakerhet.AnvandareRepository;
import se.flerpart.uppgift.Uppgift;
import se.flerpart.uppgift.UppgiftHandler;

/**
 * {@code forbered-kallelse}: the ärendebärare says why the meeting is held, when and where, who is
 * called and who chairs it. The invitees stay in Flerpart's tables; the process only learns the
 * ordförande here and the invitation ids from {@code skicka-kallelse}.
 */
@Component
class ForberedKallelseHandler implements UppgiftHandler {

  private static final Pattern EPOST = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

  /**
   * More people than meet around one person: a kallelse to hundreds or thousands would only flood
   * mail, calendars and the PDF.
   */
  static final int MAX_DELTAGARE = 30;

  private static final String UTANFOR_SAMTYCKET =
      " ingår inte i ärendets samtycke. Samtycket måste först utvidgas med ett nytt samtycke från"
          + " individen.";

  private final MoteRepository moten;
  private final ArendeService arenden;
  private final ArendeAtkomst atkomst;
  private final ArendeHistorik historik;
  private final ArendeFormularData formularData;
  private final AnvandareRepository anvandare;
  private final Clock klocka;

  ForberedKallelseHandler(
      MoteRepository moten,
      ArendeService arenden,
      ArendeAtkomst atkomst,
      ArendeHistorik historik,
      ArendeFormularData formularData,
      AnvandareRepository anvandare,
      Clock klocka) {
    this.moten = moten;
    this.arenden = arenden;
    this.atkomst = atkomst;
    this.historik = historik;
    this.formularData = formularData;
    this.anvandare = anvandare;
    this.klocka = klocka;
  }

  @Override
  public String elementId() {
    return "forbered-kallelse";
  }

  @Override
  public Map<String, Object> formularData(Uppgift uppgift, Anvandare vem) {
    Map<String, Object> data = new HashMap<>(formularData.arende(uppgift.arendeId(), vem));
    data.put("parter", formularData.parter(uppgift.arendeId()));
    data.put(
        "ordforandeAlternativ", formularData.medRoll(Anvandare.ORDFORANDE, uppgift.arendeId()));
    // The person, the närstående and the god man are offered as invitees, each a row ready to
    // send or to remove; after a cancelled meeting the new kallelse starts from the old one.
    List<Map<String, Object>> kallade = formularData.kallade(uppgift.arendeId(), vem);
    if (!kallade.isEmpty()) {
      data.put("deltagare", kallade);
    }
    formularData.tolkSprak(uppgift.arendeId(), vem).ifPresent(s -> data.put("tolkSprak", s));
    moten
        .senasteIProcess(uppgift.processInstansNyckel())
        .filter(m -> m.status() == MoteStatus.INSTALLT)
        .ifPresent(
            m -> {
              data.put("syfte", m.syfte());
              data.put("ordforande", m.ordforande());
              if (m.plats() != null) {
                data.put("plats", m.plats());
              }
              if (m.videolank() != null) {
                data.put("videolank", m.videolank());
              }
              data.put(
                  "deltagare",
                  moten.kallelser(m.id()).stream().filter(Kallelse::aktiv).map(this::rad).toList());
            });
    return data;
  }

  private Map<String, Object> rad(Kallelse k) {
    Map<String, Object> rad = new HashMap<>();
    rad.put("namn", k.namn());
    rad.put("epost", k.epost());
    rad.put("roll", k.roll().name());
    rad.put("part", k.part());
    rad.put("kravs", k.kravs());
    rad.put("saknarEpost", k.saknarEpost());
    return rad;
  }

  @Override
  public void validera(Uppgift uppgift, Map<String, Object> data, Map<String, String> fel) {
    Object tid = data.get("motesTid");
    if (tid != null) {
      try {
        if (!OffsetDateTime.parse(tid.toString()).toInstant().isAfter(klocka.instant())) {
          fel.put("motesTid", "Mötestiden har redan passerat – välj en tid framåt");
        }
      } catch (DateTimeParseException e) {
        fel.put("motesTid", "Ange mötestiden som datum och klockslag");
      }
    }
    if (tom(data.get("plats")) && tom(data.get("videolank"))) {
      fel.put("plats", "Ange plats eller videolänk");
    }
    if (!tom(data.get("videolank")) && !data.get("videolank").toString().startsWith("https://")) {
      fel.put("videolank", "Videolänken ska börja med https://");
    }
    List<Map<String, Object>> deltagare = deltagare(data);
    if (deltagare.isEmpty()) {
      fel.put("deltagare", "Lägg till minst en deltagare");
    }
    if (deltagare.size() > MAX_DELTAGARE) {
      fel.put(
          "deltagare",
          "Ett flerpartsmöte kan ha högst "
              + MAX_DELTAGARE
              + " kallade ("
              + deltagare.size()
              + " angivna)");
      return;
    }
    // The kallelse and the plan carry the syfte and the person's name: only to parts inside the
    // consent scope (see ArendeAtkomst).
    Arende arende = arenden.hamta(uppgift.arendeId());
    if (data.get("ordforande") instanceof String id) {
      anvandare
          .hitta(id)
          .filter(o -> !atkomst.kanLasaPersonuppgifter(o, arende))
          .ifPresent(
              o ->
                  fel.put(
                      "ordforande",
                      o.namn()
                          + " ("
                          + anvandare.partnamn(o.part())
                          + ") kan inte vara ordförande: "
                          + anvandare.partnamn(o.part())
                          + UTANFOR_SAMTYCKET));
    }
    Set<String> adresser = new HashSet<>();
    for (int i = 0; i < deltagare.size(); i++) {
      Map<String, Object> d = deltagare.get(i);
      String falt = "deltagare[" + i + "].";
      Roll roll = roll(d);
      if (roll == Roll.PROFESSIONELL && tom(d.get("part"))) {
        fel.put(falt + "part", "Välj vilken part personen företräder");
      } else if (roll == Roll.PROFESSIONELL
          && !atkomst.partInomOmfang(d.get("part").toString(), arende)) {
        fel.put(
            falt + "part",
            "Kallelsen kan inte gå till "
                + anvandare.partnamn(d.get("part").toString())
                + ": parten"
                + UTANFOR_SAMTYCKET);
      }
      if (roll != Roll.PROFESSIONELL && Boolean.TRUE.equals(d.get("kravs"))) {
        fel.put(falt + "kravs", "Bara en part kan krävas på mötet – välj rollen Yrkesperson");
      }
      boolean saknarEpost = Boolean.TRUE.equals(d.get("saknarEpost"));
      if (tom(d.get("epost"))) {
        if (!saknarEpost) {
          fel.put(
              falt + "epost", "Ange e-post, eller kryssa i att personen saknar e-post (utskrift)");
        }
      } else {
        String epost = d.get("epost").toString().strip().toLowerCase(Locale.ROOT);
        if (!EPOST.matcher(epost).matches()) {
          fel.put(falt + "epost", "Ange en giltig e-postadress, till exempel namn@exempel.se");
        } else if (!adresser.add(epost)) {
          fel.put(falt + "epost", "Samma e-postadress finns redan bland deltagarna");
        }
      }
    }
  }

  @Override
  public void slutford(Uppgift uppgift, Map<String, Object> data, Anvandare vem) {
    Instant nu = klocka.instant();
    Mote mote =
        new Mote(
            UUID.randomUUID(),
            uppgift.arendeId(),
            uppgift.processInstansNyckel(),
            uppgift.id(),
            data.get("syfte").toString(),
            OffsetDateTime.parse(data.get("motesTid").toString()).toInstant(),
            text(data.get("plats")),
            text(data.get("videolank")),
            text(data.get("tolkSprak")),
            data.get("ordforande").toString(),
            vem.id(),
            0,
            MoteStatus.PLANERAT,
            null,
            List.of(),
            null,
            nu);
    if (!moten.skapa(mote)) {
      return;
    }
    List<Map<String, Object>> deltagare = deltagare(data);
    for (int i = 0; i < deltagare.size(); i++) {
      Map<String, Object> d = deltagare.get(i);
      Roll roll = roll(d);
      moten.skapa(
          new Kallelse(
              UUID.randomUUID(),
              mote.id(),
              i + 1,
              d.get("namn").toString().strip(),
              tom(d.get("epost")) ? null : d.get("epost").toString().strip(),
              roll,
              roll == Roll.PROFESSIONELL ? text(d.get("part")) : null,
              Boolean.TRUE.equals(d.get("kravs")),
              tom(d.get("epost")),
              null,
              null,
              null,
              null,
              null,
              null,
              nu));
    }
    arenden.sattStatusUnderMote(uppgift.arendeId(), ArendeStatus.MOTE_PLANERAT);
    historik.logga(
        uppgift.arendeId(),
        "KALLELSE",
        "Kallelse till flerpartsmöte "
            + KallelseUtskick.TID.format(mote.motesTid())
            + " förberedd: "
            + deltagare.size()
            + " kallade",
        vem.id());
  }

  @Override
  public Set<String> processvariabler() {
    return Set.of("ordforande");
  }

  @Override
  public Optional<String> nastaSteg(Uppgift uppgift, Map<String, Object> data) {
    List<Map<String, Object>> deltagare = deltagare(data);
    long utanEpost = deltagare.stream().filter(d -> tom(d.get("epost"))).count();
    long medEpost = deltagare.size() - utanEpost;
    StringBuilder text = new StringBuilder();
    if (medEpost > 0) {
      text.append("Kallelserna skickas nu till ").append(personer(medEpost)).append(".");
    }
    if (utanEpost > 0) {
      text.append(text.isEmpty() ? "" : " ")
          .append(utanEpost == 1 ? "En kallelse" : utanEpost + " kallelser")
          .append(" till den som saknar e-post skrivs ut från ärendesidan och skickas med post.");
    }
    return text.isEmpty() ? Optional.empty() : Optional.of(text.toString());
  }

  private static String personer(long antal) {
    return antal == 1 ? "1 person" : antal + " personer";
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> deltagare(Map<String, Object> data) {
    List<Map<String, Object>> lista = new ArrayList<>();
    if (data.get("deltagare") instanceof Collection<?> c) {
      for (Object o : c) {
        if (o instanceof Map<?, ?> m) {
          lista.add((Map<String, Object>) m);
        }
      }
    }
    return lista;
  }

  private static Roll roll(Map<String, Object> d) {
    try {
      return d.get("roll") == null ? Roll.PROFESSIONELL : Roll.valueOf(d.get("roll").toString());
    } catch (IllegalArgumentException e) {
      return Roll.PROFESSIONELL;
    }
  }

  private static boolean tom(Object o) {
    return o == null || o.toString().isBlank();
  }

  private static String text(Object o) {
    return tom(o) ? null : o.toString().strip();
  }
}
