package se.flerpart.arende;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import se.flerpart.sakerhet.Anvandare;
import se.flerpart.sakerhet.AnvandareRepository;
import se.flerpart.web.AtkomstNekad;

/**
 * The one place that decides who may see a case and who may read its personal data, and that logs
 * every such read.
 *
 * <p><b>The consent scope, step by step.</b> The scope is the parts whose staff may read the
 * person's data (personnummer, skäl and behov, the beredning's texts, the meeting's syfte and
 * invitees, the plan) and act on the case's tasks. It follows the samtycke:
 *
 * <ul>
 *   <li><i>Before samtycke</i> ({@code inhamta-samtycke}): the referring part only. It obtains the
 *       consent; the task can be handed on within that part, not to another.
 *   <li><i>After samtycke Ja</i>: the referring part and the parts the person named. The
 *       beredningsgrupp discusses the person, so a member whose part is outside the scope neither
 *       reads the case nor takes or decides {@code bered-arende}; the members inside it decide. The
 *       ärendebärare, the ordförande and every professional invited to a flerpartsmöte must belong
 *       to a part inside the scope, since the kallelse and the plan carry the syfte and the
 *       person's name: a part outside it comes in only through a new samtycke that widens the
 *       scope.
 *   <li><i>After samtycke Nej</i>: only kön and year are kept; there is nothing to read.
 *   <li><i>After samtycke återkallat</i>: nobody reads the personal data any more, the referring
 *       part included. The referring part keeps the fact of the referral — arendenummer, insats,
 *       dates, status and the history of the steps — so that it can answer the person and keep its
 *       own case system right; not the details: personnummer, skäl, behov, the beredning's texts,
 *       the meeting's syfte and the plan. (The SUS registration rests on a consent of its own; the
 *       deltagaransvarig still needs the personnummer to register the exit.)
 * </ul>
 *
 * Processledare and administrators follow the process and never see the person. Every read of
 * personal data writes one row in {@code granskningslogg}: who (a user id, or {@code
 * kallad:<kallelse id>} for an invitee on the answer page, who is not logged in), which case, and
 * what was read ({@code handling}).
 */
@Component
public class ArendeAtkomst {

  /** The case page and the case in the API, the meeting section, a kallelse or plan as PDF. */
  public static final String LAS_PERSONUPPGIFTER = "LAS_PERSONUPPGIFTER";

  /** A task form with the case's data. */
  public static final String LAS_FORMULAR = "LAS_FORMULAR";

  /** The person's name in a list: the case list, the task list, a search by name. */
  public static final String LAS_NAMN = "LAS_NAMN";

  /** The SUS export with personnummer. */
  public static final String LAS_SUS_EXPORT = "LAS_SUS_EXPORT";

  /** The embedded mail server's mails about the case (kallelse, plan, återkoppling). */
  public static final String LAS_MAIL = "LAS_MAIL";

  /** An invitee's answer page: the invitee's name and the meeting's syfte. */
  public static final String LAS_KALLELSE = "LAS_KALLELSE";

  /** Comments on the case's tasks, on the task page or in the task list. */
  public static final String LAS_KOMMENTAR = "LAS_KOMMENTAR";

  /** A task list search by personnummer (or name) that found the case: it ties the person to it. */
  public static final String SOK_UPPGIFTER = "SOK_UPPGIFTER";

  private final JdbcClient jdbc;
  private final PersonnummerSkydd skydd;
  private final IndividRepository individer;

  private final Clock klocka;
  private final AnvandareRepository anvandarna;

  ArendeAtkomst(
      JdbcClient jdbc,
      PersonnummerSkydd skydd,
      IndividRepository individer,
      Clock klocka,
      AnvandareRepository anvandare) {
    this.klocka = klocka;
    this.anvandarna = anvandare;
    this.jdbc = jdbc;
    this.skydd = skydd;
    this.individer = individer;
  }

  public boolean kanLasaPersonuppgifter(Anvandare anvandare, Arende arende) {
    return !anvandare.arUtanPersonuppgifter() && partInomOmfang(anvandare.part(), arende);
  }

  /**
   * Whether staff of the part may read the case and act on it: the referring part until consent is
   * withdrawn, the parts of a given consent. For the people a form names (ärendebärare, ordförande,
   * invitees).
   */
  public boolean partInomOmfang(String part, Arende arende) {
    if (part == null || arende.samtyckeAterkallat()) {
      return false;
    }
    if (part.equals(arende.aktualiserandePart())) {
      return true;
    }
    return arende.samtyckeGivet() && arende.samtyckeParter().contains(part);
  }

  /**
   * Why the user may not read the case's personal data, in Swedish and without a full stop, to
   * follow "Du kan inte …: " or a person's name; empty when the user may.
   */
  public Optional<String> utanforOmfang(Anvandare anvandare, Arende arende) {
    if (kanLasaPersonuppgifter(anvandare, arende)) {
      return Optional.empty();
    }
    String nummer = arende.arendenummer();
    if (anvandare.arUtanPersonuppgifter()) {
      return Optional.of(
          "processledare och administratörer ser inte personuppgifterna i ärende " + nummer);
    }
    if (arende.samtyckeAterkallat()) {
      return Optional.of(
          "samtycket i ärende "
              + nummer
              + " är återkallat, så ingen läser längre dess personuppgifter");
    }
    if (arende.samtycke() == null) {
      return Optional.of(
          "innan samtycket är inhämtat arbetar bara den aktualiserande parten ("
              + anvandarna.partnamn(arende.aktualiserandePart())
              + ") med ärende "
              + nummer);
    }
    if (!arende.samtyckeGivet()) {
      return Optional.of("ärende " + nummer + " saknar samtycke");
    }
    return Optional.of(
        anvandare.part()
            + " ingår inte i samtycket för ärende "
            + nummer
            + "; samtycket måste först utvidgas med ett nytt samtycke från individen");
  }

  /** Whether the case shows up for the user at all (its position, without personal data). */
  public boolean kanSe(Anvandare anvandare, Arende arende) {
    return kanLasaPersonuppgifter(anvandare, arende)
        // After a withdrawn consent the referring part still sees that the referral was made.
        || (!anvandare.arUtanPersonuppgifter()
            && anvandare.part().equals(arende.aktualiserandePart()))
        || anvandare.harRoll(Anvandare.PROCESSLEDARE)
        || anvandare.harRoll(Anvandare.ADMIN)
        || anvandare.arMedlemI("beredning-" + arende.insats())
        || anvandare.id().equals(arende.arendebarare());
  }

  public void kravSe(Anvandare anvandare, Arende arende) {
    if (!kanSe(anvandare, arende)) {
      throw new AtkomstNekad("Du har inte behörighet till ärende " + arende.arendenummer() + ".");
    }
  }

  /**
   * The case's personal data for a user inside the consent scope, logged; empty for everyone else,
   * and once the case is gallrat, when nothing is left to read and nothing is logged.
   */
  public Personuppgifter personuppgifter(Anvandare anvandare, Arende arende) {
    Personuppgifter p = personuppgifterOloggade(anvandare, arende);
    if (p.synliga()) {
      loggaLasning(anvandare.id(), arende.id(), LAS_PERSONUPPGIFTER);
    }
    return p;
  }

  /**
   * As {@link #personuppgifter}, for a reader that logs the read itself once for everything it
   * shows: the task list logs a task form, whose handlers read the case more than once.
   */
  Personuppgifter personuppgifterOloggade(Anvandare anvandare, Arende arende) {
    if (arende.arGallrat() || !kanLasaPersonuppgifter(anvandare, arende)) {
      return Personuppgifter.DOLDA;
    }
    String personnummer =
        arende.personnummerKrypterat() == null
            ? null
            : skydd.dekryptera(arende.personnummerKrypterat()).formaterat();
    return new Personuppgifter(
        true,
        personnummer,
        arende.skyddadIdentitet(),
        arende.skal(),
        individer.hitta(arende.id()).orElse(Individ.TOM));
  }

  /**
   * The person's name in each of the cases the user may read, for a list: two queries however many
   * cases, and one audit row ({@link #LAS_NAMN}) per case whose name is shown. Cases outside the
   * scope, gallrade or without a name are left out.
   */
  public Map<UUID, String> individnamn(Anvandare anvandare, Collection<Arende> arenden) {
    List<UUID> inom =
        arenden.stream()
            .filter(a -> !a.arGallrat() && kanLasaPersonuppgifter(anvandare, a))
            .map(Arende::id)
            .distinct()
            .toList();
    Map<UUID, String> namn = individer.namn(inom);
    if (!namn.isEmpty()) {
      jdbc.sql(
              "insert into granskningslogg (tid, anvandare_id, arende_id, handling)"
                  + " select ?, ?, unnest(?), ?")
          .params(
              Timestamp.from(klocka.instant()),
              anvandare.id(),
              namn.keySet().toArray(UUID[]::new),
              LAS_NAMN)
          .update();
    }
    return namn;
  }

  /**
   * Writes one row in the audit log: {@code vem} read personal data of the case. {@code vem} is a
   * user id, or {@code kallad:<kallelse id>} for an invitee who is not logged in; {@code handling}
   * one of the {@code LAS_} constants.
   */
  public void loggaLasning(String vem, UUID arendeId, String handling) {
    jdbc.sql(
            "insert into granskningslogg (tid, anvandare_id, arende_id, handling) values (?, ?, ?, ?)")
        .params(Timestamp.from(klocka.instant()), vem, arendeId, handling)
        .update();
  }

  /** What only those inside the consent scope may read. */
  public record Personuppgifter(
      boolean synliga,
      String personnummer,
      boolean skyddadIdentitet,
      String skal,
      Individ individ) {
    static final Personuppgifter DOLDA = new Personuppgifter(false, null, false, null, null);
  }
}
