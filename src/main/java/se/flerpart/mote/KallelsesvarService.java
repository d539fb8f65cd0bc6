package se.flerpart.mote;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.flerpart.arende.Arende;
import se.flerpart.arende.ArendeAtkomst;
import se.flerpart.arende.ArendeHistorik;
import se.flerpart.arende.ArendeService;
import se.flerpart.web.EjFunnen;
import se.flerpart.web.Konflikt;
import se.flerpart.web.ValideringsFel;

/**
 * An invitee's answer through the personal link: stored, then correlated into the process as
 * message {@code kallelsesvar} (correlation key = the invitation). A link answers once; a link to
 * an older version of the kallelse, a cancelled meeting or a meeting that is over changes nothing.
 */
@Service
class KallelsesvarService {

  private static final Pattern EPOST = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
  private static final int MAX_TEXT = 2000;

  /** What the answer page shows: no personal data about the individual. */
  public record Inbjudan(
      UUID kallelseId,
      String namn,
      String arendenummer,
      String syfte,
      String tid,
      String plats,
      String videolank,
      String tolkSprak,
      String arendebarare,
      String arendebarareEpost,
      String ordforande,
      boolean kravs,
      String partNamn,
      String svar,
      boolean individ,
      boolean ersattareMojlig) {}

  public record Svarsbegaran(String svar, String kommentar, Ersattare ersattare) {}

  public record Ersattare(String namn, String epost) {}

  private final SvarsToken tokens;
  private final MoteRepository moten;
  private final ArendeService arenden;
  private final ArendeAtkomst atkomst;
  private final ArendeHistorik historik;
  private final KallelseUtskick utskick;
  private final Clock klocka;
  private final ApplicationEventPublisher handelser;

  KallelsesvarService(
      SvarsToken tokens,
      MoteRepository moten,
      ArendeService arenden,
      ArendeAtkomst atkomst,
      ArendeHistorik historik,
      KallelseUtskick utskick,
      Clock klocka,
      ApplicationEventPublisher handelser) {
    this.tokens = tokens;
    this.moten = moten;
    this.arenden = arenden;
    this.atkomst = atkomst;
    this.historik = historik;
    this.utskick = utskick;
    this.klocka = klocka;
    this.handelser = handelser;
  }

  /**
   * The invitation behind a link that can still be answered; throws with the reason otherwise. It
   * names the invitee and the meeting's syfte, so each showing is logged, as read by the invitee
   * ({@code kallad:<kallelse id>}: the answer page has no login).
   */
  public Inbjudan inbjudan(String token) {
    return las(token, false);
  }

  /**
   * The invitation behind a link, as {@link #inbjudan}, or once it is answered with the answer
   * given ({@link Inbjudan#svar()}), for the page that shows the invitee what was answered and the
   * meeting's time, place and link until the meeting begins. The same links as {@link #inbjudan}
   * cannot be used: a link that has run out, an older version of the kallelse, a cancelled meeting,
   * an ended case, and an invitation taken back without an answer. Logged in the same way.
   */
  public Inbjudan visning(String token) {
    return las(token, true);
  }

  private Inbjudan las(String token, boolean avenBesvarad) {
    SvarsToken.Innehall innehall = giltig(token);
    Kallelse k = kallelse(innehall);
    Mote mote = moten.hitta(k.moteId()).orElseThrow();
    kravGallande(innehall, mote);
    if (!avenBesvarad || k.svar() == null) {
      kravObesvarad(k);
    }
    Inbjudan inbjudan = inbjudan(mote, k);
    atkomst.loggaLasning("kallad:" + k.id(), mote.arendeId(), ArendeAtkomst.LAS_KALLELSE);
    return inbjudan;
  }

  @Transactional
  public Inbjudan svara(String token, Svarsbegaran begaran) {
    SvarsToken.Innehall innehall = giltig(token);
    Kallelse k = kallelse(innehall);
    Mote mote = moten.hittaForUppdatering(k.moteId()).orElseThrow();
    k = moten.kallelse(k.id()).orElseThrow();
    kravGallande(innehall, mote);
    kravObesvarad(k);
    Svar svar = validera(begaran, mote, k);
    String kommentar = text(begaran.kommentar());
    Instant nu = klocka.instant();
    moten.svara(k.id(), svar, kommentar, nu);
    UUID ersattareKallelseId = null;
    String logg = utskick.visningsnamn(k) + ": " + svar.text().toLowerCase(Locale.ROOT);
    if (svar == Svar.ERSATTARE) {
      Kallelse ersattare =
          new Kallelse(
              UUID.randomUUID(),
              mote.id(),
              moten.nastaOrdning(mote.id()),
              begaran.ersattare().namn().strip(),
              begaran.ersattare().epost().strip(),
              k.roll(),
              k.part(),
              k.kravs(),
              false,
              null,
              null,
              null,
              k.id(),
              null,
              null,
              nu);
      moten.skapa(ersattare);
      moten.ersatt(k.id(), ersattare.id());
      ersattareKallelseId = ersattare.id();
      logg += " – " + utskick.visningsnamn(ersattare) + " kallas i stället";
    }
    historik.logga(mote.arendeId(), "KALLELSESVAR", logg, null);
    handelser.publishEvent(
        new KallelseBesvarad(
            mote.arendeId(),
            arenden.hamta(mote.arendeId()).arendenummer(),
            nu,
            mote.id(),
            mote.sekvens(),
            k.id(),
            k.part(),
            k.kravs(),
            svar.name(),
            ersattareKallelseId));
    return inbjudan(mote, moten.kallelse(k.id()).orElseThrow());
  }

  private Svar validera(Svarsbegaran begaran, Mote mote, Kallelse k) {
    Map<String, String> fel = new LinkedHashMap<>();
    Svar svar = null;
    if (begaran == null || begaran.svar() == null || begaran.svar().isBlank()) {
      fel.put("svar", "Välj om du kommer, inte kommer eller skickar en ersättare");
    } else {
      try {
        svar = Svar.valueOf(begaran.svar().strip());
      } catch (IllegalArgumentException e) {
        fel.put("svar", "Svaret ska vara ACCEPTERAR, AVBOJER eller ERSATTARE");
      }
    }
    if (begaran != null && begaran.kommentar() != null && begaran.kommentar().length() > MAX_TEXT) {
      fel.put("kommentar", "Kommentaren får vara högst " + MAX_TEXT + " tecken");
    }
    if (svar == Svar.AVBOJER && text(begaran.kommentar()) == null) {
      fel.put("kommentar", "Skriv varför du inte kan komma");
    }
    if (svar == Svar.ERSATTARE && !kanSkickaErsattare(k)) {
      fel.put("svar", "Tacka ja eller nej: bara den som företräder en part skickar en ersättare");
    } else if (svar == Svar.ERSATTARE) {
      Ersattare e = begaran.ersattare();
      if (e == null || text(e.namn()) == null) {
        fel.put("ersattare.namn", "Ange ersättarens namn");
      }
      if (e == null || text(e.epost()) == null) {
        fel.put("ersattare.epost", "Ange ersättarens e-postadress");
      } else if (!EPOST.matcher(e.epost().strip()).matches()) {
        fel.put("ersattare.epost", "Ange en giltig e-postadress, till exempel namn@exempel.se");
      } else if (moten.kallelser(mote.id()).stream()
          .anyMatch(
              x -> x.aktiv() && x.harEpost() && x.epost().equalsIgnoreCase(e.epost().strip()))) {
        fel.put("ersattare.epost", "Den personen är redan kallad till mötet");
      }
    }
    if (!fel.isEmpty()) {
      throw new ValideringsFel(fel);
    }
    return svar;
  }

  private SvarsToken.Innehall giltig(String token) {
    return tokens
        .las(token)
        .orElseThrow(
            () ->
                new EjFunnen(
                    "Svarslänken är ogiltig. Kontrollera att hela länken från mailet kom med."));
  }

  private Kallelse kallelse(SvarsToken.Innehall innehall) {
    return moten
        .kallelse(innehall.kallelseId())
        .orElseThrow(() -> new EjFunnen("Kallelsen finns inte längre."));
  }

  /** The link is to the current kallelse of a meeting still to come in a case still open. */
  private void kravGallande(SvarsToken.Innehall innehall, Mote mote) {
    // A case that ended (consent withdrawn, broken off) holds no more meetings, and after a
    // withdrawn consent nobody reads the syfte any more.
    if (arenden.hamta(mote.arendeId()).status().avslutad()) {
      throw new SvarslankFel(
          HttpStatus.GONE,
          "Ärendet är avslutat och mötet blir inte av. Du behöver inte svara på kallelsen.");
    }
    if (mote.status() == MoteStatus.INSTALLT) {
      throw new SvarslankFel(
          HttpStatus.GONE, "Mötet är inställt. Du behöver inte svara på kallelsen.");
    }
    if (mote.status() == MoteStatus.GENOMFORT
        || klocka.instant().isAfter(innehall.giltigTill())
        || !klocka.instant().isBefore(mote.motesTid())) {
      throw new SvarslankFel(
          HttpStatus.GONE, "Svarslänken har gått ut: mötet har redan börjat eller hållits.");
    }
    if (innehall.sekvens() != mote.sekvens()) {
      throw new SvarslankFel(
          HttpStatus.GONE,
          "Kallelsen har ändrats sedan den här länken skickades. Använd länken i den senaste"
              + " kallelsen.");
    }
  }

  private static void kravObesvarad(Kallelse k) {
    if (k.svar() != null || !k.aktiv()) {
      throw new Konflikt(
          "Du har redan svarat på kallelsen ("
              + (k.svar() == null ? "ersatt" : k.svar().text().toLowerCase(Locale.ROOT))
              + "). Kontakta ärendebäraren om något har ändrats.");
    }
  }

  private Inbjudan inbjudan(Mote mote, Kallelse k) {
    Arende a = arenden.hamta(mote.arendeId());
    return new Inbjudan(
        k.id(),
        k.namn(),
        a.arendenummer(),
        mote.syfte(),
        KallelseUtskick.TID.format(mote.motesTid()),
        mote.plats(),
        mote.videolank(),
        mote.tolkSprak(),
        utskick.arendebarareNamn(mote),
        utskick.arendebarareEpost(mote),
        utskick.ordforandeNamn(mote),
        k.kravs(),
        utskick.partNamn(k.part()),
        k.svar() == null ? null : k.svar().name(),
        k.roll() == Roll.INDIVID,
        kanSkickaErsattare(k));
  }

  /** Only a professional represents a part and so may send someone in their place. */
  static boolean kanSkickaErsattare(Kallelse k) {
    return k.roll() == Roll.PROFESSIONELL;
  }

  private static String text(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
