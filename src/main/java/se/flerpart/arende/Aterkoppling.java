package se.flerpart.arende;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.flerpart.notifiering.MailUtkorg;
import se.flerpart.referens.AvslutsorsakRepository;
import se.flerpart.referens.InsatsRepository;
import se.flerpart.sakerhet.Anvandare;
import se.flerpart.sakerhet.AnvandareRepository;

/**
 * Återkoppling to the referring part: after a declined consent, after every beredning outcome and
 * at avslut. The mail names the case, never the person.
 */
@Service
public class Aterkoppling {

  private final ArendeService arenden;
  private final ArendeHistorik historik;
  private final AnvandareRepository anvandare;
  private final InsatsRepository insatser;
  private final AvslutsorsakRepository avslutsorsaker;
  private final MailUtkorg utkorg;
  private final String basUrl;

  public Aterkoppling(
      ArendeService arenden,
      ArendeHistorik historik,
      AnvandareRepository anvandare,
      InsatsRepository insatser,
      AvslutsorsakRepository avslutsorsaker,
      MailUtkorg utkorg,
      @Value("${flerpart.bas-url}") String basUrl) {
    this.arenden = arenden;
    this.historik = historik;
    this.anvandare = anvandare;
    this.insatser = insatser;
    this.avslutsorsaker = avslutsorsaker;
    this.utkorg = utkorg;
    this.basUrl = basUrl;
  }

  /**
   * @param tillfalle {@code samtycke}, {@code avslut}, {@code aterkallat} or {@code avbrutet}; the
   *     beredning's outcome is told by its own module, through {@link #skickaOm}
   * @param nyckel unique for this återkoppling (the job key within the case), so a repeated job
   *     sends nothing new
   */
  @Transactional
  public void skicka(UUID arendeId, String tillfalle, String nyckel) {
    Arende a = arenden.hamta(arendeId);
    String rubrik;
    String text;
    Set<String> till = new LinkedHashSet<>();
    till.add(a.aktualiseradAv());
    switch (tillfalle) {
      case "samtycke" -> {
        rubrik = "samtycke saknas";
        text =
            "Samtycke lämnades inte. Ärendet är avslutat och sparas bara som anonym statistik"
                + " (kön och år).";
      }
      case "avslut" -> {
        rubrik = "ärendet är avslutat";
        String orsak =
            a.avslutsorsak() == null
                ? "–"
                : avslutsorsaker
                    .hitta(a.avslutsorsak())
                    .map(AvslutsorsakRepository.Avslutsorsak::namn)
                    .orElse(a.avslutsorsak());
        text = "Ärendet är avslutat. Avslutsorsak: " + orsak + ".";
        if (a.arendebarare() != null) {
          till.add(a.arendebarare());
        }
      }
      case "aterkallat", "avbrutet" -> {
        boolean aterkallat = "aterkallat".equals(tillfalle);
        rubrik = aterkallat ? "samtycket är återkallat" : "ärendet är avbrutet";
        text =
            aterkallat
                ? "Personen har återkallat sitt samtycke. Ärendet är avbrutet och inga fler"
                    + " uppgifter om personen delas mellan parterna."
                : "Ärendet är avbrutet av ärendebäraren.";
        if (a.arendebarare() != null) {
          till.add(a.arendebarare());
        }
      }
      default ->
          throw new IllegalArgumentException("Okänt tillfälle för återkoppling: " + tillfalle);
    }
    skicka(a, till, rubrik, text, null, nyckel);
  }

  /**
   * Återkoppling on something another module decided (the beredning's outcome): to the referrer,
   * with the module's own heading and text.
   */
  @Transactional
  public void skickaOm(
      UUID arendeId, String rubrik, String text, String motivering, String nyckel) {
    Arende a = arenden.hamta(arendeId);
    Set<String> till = new LinkedHashSet<>();
    till.add(a.aktualiseradAv());
    skicka(a, till, rubrik, text, motivering, nyckel);
  }

  private void skicka(
      Arende a, Set<String> till, String rubrik, String text, String motivering, String nyckel) {
    List<String> epost = new ArrayList<>();
    for (String id : till) {
      anvandare.hitta(id).map(Anvandare::epost).ifPresent(epost::add);
    }
    Map<String, Object> modell = new HashMap<>();
    modell.put("arendenummer", a.arendenummer());
    modell.put("rubrik", rubrik);
    modell.put("mottagare", till.size() == 1 ? namn(a.aktualiseradAv()) : "");
    modell.put("text", text);
    modell.put(
        "insats", insatser.hitta(a.insats()).map(InsatsRepository.Insats::namn).orElse(a.insats()));
    modell.put("motivering", motivering);
    modell.put("lank", basUrl + "/arenden/" + a.id());
    if (utkorg.koa(a.id(), "aterkoppling:" + nyckel, epost, "aterkoppling", modell, List.of())) {
      historik.logga(
          a.id(),
          "ATERKOPPLING",
          "Återkoppling skickad till "
              + till.stream().map(this::namn).collect(Collectors.joining(", ")),
          null);
    }
  }

  private String namn(String anvandarId) {
    return anvandarId == null
        ? "–"
        : anvandare.hitta(anvandarId).map(Anvandare::namn).orElse(anvandarId);
  }
}
