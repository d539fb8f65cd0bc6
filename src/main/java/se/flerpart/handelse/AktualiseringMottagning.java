package se.flerpart.handelse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import se.flerpart.arende.Aktualisering;
import se.flerpart.arende.ArendeService;
import se.flerpart.arende.Individ;
import se.flerpart.sakerhet.Anvandare;
import se.flerpart.sakerhet.AnvandareRepository;
import se.flerpart.web.AtkomstNekad;
import se.flerpart.web.JsonFalt;
import se.flerpart.web.OtillatetTecken;
import se.flerpart.web.ValideringsFel;

/**
 * Registers an aktualisering that arrived on Kafka, once per message: the message id is remembered
 * per source in {@code inkommande_meddelande}, in the same transaction as the case, so a message
 * delivered twice makes one case. The referrer must belong to the part the source may refer for.
 */
@Service
class AktualiseringMottagning {

  /** What became of a message: the case it made, now or the first time it came. */
  record Mottagen(UUID arendeId, boolean ny) {}

  /**
   * The data of an inbound aktualisering: the fields of {@code POST /api/arenden} and the referrer.
   */
  record Data(
      String personnummer,
      Boolean skyddadIdentitet,
      String kon,
      String insats,
      String skal,
      List<String> behov,
      Boolean bradskande,
      String aktualiseradAv,
      String namn,
      String adress,
      String telefon,
      String epost,
      String sprak,
      Boolean tolk,
      List<Individ.Narstaende> narstaende,
      Individ.GodMan godMan,
      String utbildningsniva,
      String tidIOffentligForsorjning,
      List<String> forsorjningStart) {}

  private final ArendeService arenden;
  private final AnvandareRepository anvandare;
  private final HandelseEgenskaper egenskaper;
  private final JdbcClient jdbc;
  private final TransactionTemplate transaktion;
  private final ObjectMapper json;

  AktualiseringMottagning(
      ArendeService arenden,
      AnvandareRepository anvandare,
      HandelseEgenskaper egenskaper,
      JdbcClient jdbc,
      TransactionTemplate transaktion,
      ObjectMapper json) {
    this.arenden = arenden;
    this.anvandare = anvandare;
    this.egenskaper = egenskaper;
    this.jdbc = jdbc;
    this.transaktion = transaktion;
    this.json = json;
  }

  /**
   * @throws AvvisatMeddelande when the message can never be registered
   */
  Mottagen ta(InkommandeMeddelande m) {
    Optional<UUID> tidigare = tidigare(m);
    if (tidigare.isPresent()) {
      return new Mottagen(tidigare.get(), false);
    }
    Data data = data(m);
    Anvandare referent = referent(m, data);
    kontrolleraKalla(m, referent);
    Aktualisering aktualisering =
        new Aktualisering(
            data.personnummer(),
            data.skyddadIdentitet(),
            data.kon(),
            data.insats(),
            data.skal(),
            data.behov(),
            data.bradskande(),
            data.namn(),
            data.adress(),
            data.telefon(),
            data.epost(),
            data.sprak(),
            data.tolk(),
            data.narstaende(),
            data.godMan(),
            data.utbildningsniva(),
            data.tidIOffentligForsorjning(),
            data.forsorjningStart());
    try {
      return transaktion.execute(
          status -> {
            int ny =
                jdbc.sql(
                        """
                        insert into inkommande_meddelande (kalla, meddelande_id, mottaget)
                        values (?, ?, ?) on conflict (kalla, meddelande_id) do nothing
                        """)
                    .params(m.kalla(), m.id(), Timestamp.from(Instant.now()))
                    .update();
            if (ny == 0) {
              // The same message, delivered again while the first delivery was registered.
              return new Mottagen(tidigare(m).orElse(null), false);
            }
            UUID arendeId = arenden.registrera(aktualisering, referent).id();
            jdbc.sql(
                    "update inkommande_meddelande set arende_id = ? where kalla = ? and meddelande_id = ?")
                .params(arendeId, m.kalla(), m.id())
                .update();
            return new Mottagen(arendeId, true);
          });
    } catch (ValideringsFel e) {
      throw new AvvisatMeddelande(m.id(), "Ogiltig aktualisering: " + beskriv(e.fel()));
    } catch (AtkomstNekad e) {
      throw new AvvisatMeddelande(
          m.id(), "Aktualiseraren får inte registrera aktualiseringar (rollen handläggare saknas)");
    }
  }

  private Optional<UUID> tidigare(InkommandeMeddelande m) {
    return jdbc.sql(
            "select arende_id from inkommande_meddelande where kalla = ? and meddelande_id = ?")
        .params(m.kalla(), m.id())
        .query(UUID.class)
        .optional();
  }

  private Data data(InkommandeMeddelande m) {
    try {
      return json.treeToValue(m.data(), Data.class);
    } catch (JsonMappingException e) {
      String falt = JsonFalt.namn(e);
      throw new AvvisatMeddelande(
          m.id(),
          falt.isEmpty()
              ? "Data har inte aktualiseringens form"
              : "Fältet "
                  + falt
                  + (e instanceof OtillatetTecken
                      ? ": " + OtillatetTecken.MEDDELANDE.toLowerCase()
                      : " har fel typ"));
    } catch (JsonProcessingException e) {
      throw new AvvisatMeddelande(m.id(), "Data har inte aktualiseringens form");
    }
  }

  /** The handläggare named by e-mail address or user id; never quoted in the reason. */
  private Anvandare referent(InkommandeMeddelande m, Data data) {
    String vem = data.aktualiseradAv();
    if (vem == null || vem.isBlank()) {
      throw new AvvisatMeddelande(
          m.id(), "aktualiseradAv saknas (handläggarens e-postadress eller användar-id)");
    }
    Optional<Anvandare> referent =
        vem.contains("@") ? anvandare.hittaMedEpost(vem.strip()) : anvandare.hitta(vem.strip());
    return referent.orElseThrow(
        () ->
            new AvvisatMeddelande(
                m.id(),
                "Okänd aktualiserare: ingen aktiv användare med den angivna aktualiseradAv"));
  }

  private void kontrolleraKalla(InkommandeMeddelande m, Anvandare referent) {
    String part = egenskaper.kallor().get(m.kalla());
    if (part == null) {
      if (!egenskaper.allaKallorEgenPart()) {
        throw new AvvisatMeddelande(
            m.id(),
            "Okänd källa "
                + (m.kalla().isEmpty() ? "(ingen source)" : "'" + m.kalla() + "'")
                + ": källan finns inte i flerpart.handelse.kallor");
      }
    } else if (!part.equals(referent.part())) {
      throw new AvvisatMeddelande(
          m.id(),
          "Aktualiseraren hör inte till den part ("
              + part
              + ") som källan '"
              + m.kalla()
              + "' får aktualisera för");
    }
  }

  /** Field names and Swedish messages; the messages never repeat the value that was given. */
  private static String beskriv(Map<String, String> fel) {
    return fel.entrySet().stream()
        .map(f -> f.getKey() + ": " + f.getValue())
        .collect(Collectors.joining("; "));
  }
}
