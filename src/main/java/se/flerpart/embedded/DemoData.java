package se.flerpart.embedded;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import se.flerpart.arende.Aktualisering;
import se.flerpart.arende.Arende;
import se.flerpart.arende.ArendeService;
import se.flerpart.beredning.Beredningsmoten;
import se.flerpart.beredning.Motesschema;
import se.flerpart.process.SchedulerLock;
import se.flerpart.referens.Arbetsdagar;
import se.flerpart.referens.InsatsRepository;
import se.flerpart.referens.PartRepository;
import se.flerpart.sakerhet.Anvandare;
import se.flerpart.sakerhet.AnvandareRepository;
import se.flerpart.sus.SusService;
import se.flerpart.uppgift.UppgiftService;

/**
 * The demo profile's users (password {@code demo}), parts, the insats {@code flerpartssamverkan}
 * and a few cases standing at different steps, so a newcomer sees a living system.
 */
@Component
@Profile("demo")
@Order(10)
class DemoData implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoData.class);

  private final AnvandareRepository anvandare;
  private final PartRepository parter;
  private final InsatsRepository insatser;
  private final ArendeService arenden;
  private final UppgiftService uppgifter;
  private final PasswordEncoder encoder;
  private final SchedulerLock las;
  private final Beredningsmoten beredningsmoten;
  private final Clock klocka;
  private final boolean demoArenden;

  DemoData(
      AnvandareRepository anvandare,
      PartRepository parter,
      InsatsRepository insatser,
      ArendeService arenden,
      UppgiftService uppgifter,
      PasswordEncoder encoder,
      SchedulerLock las,
      Beredningsmoten beredningsmoten,
      Clock klocka,
      @Value("${flerpart.demo.arenden:true}") boolean demoArenden) {
    this.las = las;
    this.anvandare = anvandare;
    this.parter = parter;
    this.insatser = insatser;
    this.arenden = arenden;
    this.uppgifter = uppgifter;
    this.encoder = encoder;
    this.beredningsmoten = beredningsmoten;
    this.klocka = klocka;
    this.demoArenden = demoArenden;
  }

  /**
   * Seeds once per database: instances starting at the same moment take turns, and the later ones
   * find the demo users there and seed nothing.
   */
  @Override
  public void run(ApplicationArguments args) {
    las.vantaOchKor("demodata", this::seeda);
  }

  private void seeda() {
    if (anvandare.hitta("anna").isPresent()) {
      return;
    }
    for (var p :
        List.of(
            new PartRepository.Part("FK", "Försäkringskassan"),
            new PartRepository.Part("AF", "Arbetsförmedlingen"),
            new PartRepository.Part("REGION", "Region Uppsala"),
            new PartRepository.Part("KOMMUN-UPPSALA", "Uppsala kommun"),
            new PartRepository.Part("FORBUND", "Samordningsförbundet"))) {
      parter.spara(p);
    }
    String losenord = encoder.encode("demo");
    String h = Anvandare.HANDLAGGARE;
    String b = Anvandare.BEREDNINGSGRUPP;
    anvandare(
        new Anvandare("anna", "Anna Lind", "anna@fk.example", "FK", Set.of(h, b), Set.of()),
        losenord);
    anvandare(
        new Anvandare("bengt", "Bengt Ek", "bengt@af.example", "AF", Set.of(h, b), Set.of()),
        losenord);
    anvandare(
        new Anvandare(
            "cecilia",
            "Cecilia Berg",
            "cecilia@uppsala.example",
            "KOMMUN-UPPSALA",
            Set.of(h, b, Anvandare.ORDFORANDE),
            Set.of()),
        losenord);
    anvandare(
        new Anvandare(
            "david", "David Holm", "david@region.example", "REGION", Set.of(h, b), Set.of()),
        losenord);
    anvandare(
        new Anvandare(
            "petra",
            "Petra Sund",
            "petra@forbund.example",
            "FORBUND",
            Set.of(Anvandare.PROCESSLEDARE),
            Set.of()),
        losenord);
    anvandare(
        new Anvandare(
            "sara",
            "Sara Nord",
            "sara@forbund.example",
            "FORBUND",
            Set.of(SusService.DELTAGARANSVARIG),
            Set.of()),
        losenord);
    anvandare(
        new Anvandare(
            "lena",
            "Lena Loggsson",
            "lena@forbund.example",
            "FORBUND",
            Set.of(Anvandare.LOGGGRANSKARE),
            Set.of()),
        losenord);
    anvandare(
        new Anvandare(
            "admin",
            "Administratör",
            "admin@forbund.example",
            "FORBUND",
            Set.of(Anvandare.ADMIN),
            Set.of()),
        losenord);
    insatser.spara(
        new InsatsRepository.Insats(
            "flerpartssamverkan",
            "Flerpartssamverkan",
            "Samordnad rehabilitering med flerpartsmöte enligt den gemensamma rutinen",
            "P12M",
            true),
        List.of("anna", "bengt", "cecilia", "david"));
    // The styrgrupp gets the approved quarterly uppföljningsrapport (read it at /dev/mail).
    insatser
        .installningar("flerpartssamverkan")
        .ifPresent(
            i ->
                insatser.sparaInstallningar(
                    new InsatsRepository.Installningar(
                        i.kod(),
                        i.namn(),
                        i.beskrivning(),
                        i.maxTid(),
                        i.uppfoljningKort(),
                        i.uppfoljningPlan(),
                        i.uppfoljningPaminnelse(),
                        i.uppfoljningFrist(),
                        i.gallringEfter(),
                        List.of("styrgrupp@forbund.example"),
                        i.aktiv())));
    beredningsmoten.sattOmSaknas(forstaBeredningsmote());
    log.info(
        "Demoanvändare skapade: anna, bengt, cecilia, david, petra, sara, lena, admin (lösenord: demo)");
    if (demoArenden) {
      demoArenden();
    }
  }

  /**
   * The demo insats' beredningsgrupp meets every second week from the first working day eleven to
   * fourteen days after the start (the eleventh day when holidays fill all four), so that moving
   * the engine clock ten days ({@code POST /api/dev/klocka {"fram":"P10D"}}) passes the agenda's
   * send time two working days before, but not the meeting.
   */
  private Motesschema forstaBeredningsmote() {
    LocalDate tidigast = klocka.instant().atZone(ArendeService.SVERIGE).toLocalDate().plusDays(11);
    LocalDate dag = Arbetsdagar.forstaFran(tidigast);
    if (dag.isAfter(tidigast.plusDays(3))) {
      // Christmas or Easter fills all four days: the demo still meets within 14 days.
      dag = tidigast;
    }
    return new Motesschema(
        "flerpartssamverkan",
        dag,
        LocalTime.of(9, 0),
        Motesschema.STANDARDINTERVALL,
        "Samordningsförbundet, rum Beredningen");
  }

  private void anvandare(Anvandare a, String losenord) {
    anvandare.spara(a, losenord);
  }

  /**
   * Cases at different steps: waiting for consent, in beredning, ongoing, closed without consent.
   */
  private void demoArenden() {
    Anvandare anna = anvandare.hitta("anna").orElseThrow();
    Anvandare bengt = anvandare.hitta("bengt").orElseThrow();
    Anvandare david = anvandare.hitta("david").orElseThrow();
    List<String> allaParter = List.of("FK", "AF", "REGION", "KOMMUN-UPPSALA");

    arenden.registrera(
        new Aktualisering(
            "19900101-2385",
            false,
            null,
            "flerpartssamverkan",
            "Långvarig sjukskrivning och stress; behöver stöd från flera parter för att komma tillbaka till arbete.",
            List.of("FK", "AF", "REGION"),
            false,
            "Maria Lindqvist",
            null,
            null,
            "maria.lindqvist@exempel.se",
            null,
            false,
            List.of(),
            null,
            "GYMNASIUM",
            "UPP_TILL_2_AR",
            List.of("SJUK_REHABPENNING")),
        anna);

    Arende iBeredning =
        arenden.registrera(
            new Aktualisering(
                "19850315-5627",
                false,
                null,
                "flerpartssamverkan",
                "Står still i SFI efter tre år, smärtproblematik och långvarigt försörjningsstöd.",
                List.of("AF", "KOMMUN-UPPSALA", "REGION"),
                false,
                "Amir Hassan",
                null,
                null,
                null,
                null,
                false,
                List.of(),
                null,
                "GRUNDSKOLA",
                "UPP_TILL_5_AR",
                List.of("FORSORJNINGSSTOD")),
            bengt);
    slutfor(iBeredning.id(), "inhamta-samtycke", bengt, samtycke(allaParter));

    Arende pagaende =
        arenden.registrera(
            new Aktualisering(
                "19781224-4437",
                false,
                null,
                "flerpartssamverkan",
                "Ung vuxen som varken arbetar eller studerar; sömnproblem och oklar arbetsförmåga.",
                List.of("FK", "AF", "KOMMUN-UPPSALA"),
                true,
                "Jonas Berg",
                null,
                null,
                "jonas.berg@exempel.se",
                null,
                false,
                List.of(),
                null,
                "SAKNAS",
                "UPP_TILL_1_AR",
                List.of("AKTIVITETSERSATTNING")),
            david);
    slutfor(pagaende.id(), "inhamta-samtycke", david, samtycke(allaParter));
    slutfor(
        pagaende.id(),
        "bered-arende",
        bengt,
        Map.of("beslut", "JA", "motivering", "Behov hos flera parter.", "arendebarare", "cecilia"));

    Arende utanSamtycke =
        arenden.registrera(
            new Aktualisering(
                "20020607-1128",
                false,
                null,
                "flerpartssamverkan",
                "Aktualiserad för stöd mot studier.",
                List.of("AF", "KOMMUN-UPPSALA"),
                false),
            anna);
    slutfor(utanSamtycke.id(), "inhamta-samtycke", anna, Map.of("samtycke", "NEJ"));
    log.info("Demoärenden skapade i olika steg");
  }

  private static Map<String, Object> samtycke(List<String> parter) {
    return Map.of(
        "samtycke",
        "JA",
        "samtyckeForm",
        "SKRIFTLIGT",
        "samtyckeParter",
        parter,
        "susSamtycke",
        true);
  }

  /** Completes the case's task as a user would, once the engine has handed it over. */
  private void slutfor(UUID arendeId, String elementId, Anvandare vem, Map<String, Object> data) {
    if (!uppgifter.slutforNarDenFinns(
        u -> arendeId.equals(u.arendeId()) && u.elementId().equals(elementId),
        vem,
        data,
        Duration.ofSeconds(30))) {
      log.warn("Demoärendet nådde aldrig uppgiften {}", elementId);
    }
  }
}
