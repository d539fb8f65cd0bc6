package se.flerpart.referens;

import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import se.flerpart.sakerhet.Anvandare;
import se.flerpart.sakerhet.AnvandareRepository;

/**
 * A new installation's way in: with {@code flerpart.forsta-administrator}
 * (FLERPART_FORSTA_ADMINISTRATOR, an e-mail address at the identity provider) and no administrator
 * yet, the förbund's own part and an administrator with that address are created at start. They log
 * in through the identity provider and set up parter, insatser and users in the administration
 * pages. Once any active administrator exists the setting does nothing.
 */
@Component
class ForstaAdministrator implements ApplicationRunner {

  static final String FORBUNDETS_PART = "FORBUND";

  private static final Logger log = LoggerFactory.getLogger(ForstaAdministrator.class);

  private final String epost;
  private final String forbundetsNamn;
  private final AnvandareRepository anvandare;
  private final PartRepository parter;

  ForstaAdministrator(
      @Value("${flerpart.forsta-administrator:}") String epost,
      @Value("${flerpart.forbundets-namn:Samordningsförbundet}") String forbundetsNamn,
      AnvandareRepository anvandare,
      PartRepository parter) {
    this.epost = epost == null ? "" : epost.strip();
    this.forbundetsNamn = forbundetsNamn;
    this.anvandare = anvandare;
    this.parter = parter;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    if (epost.isEmpty() || !anvandare.medRoll(Anvandare.ADMIN).isEmpty()) {
      return;
    }
    if (!epost.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || epost.length() > 64) {
      throw new IllegalStateException(
          "FLERPART_FORSTA_ADMINISTRATOR måste vara en e-postadress (högst 64 tecken).");
    }
    if (!anvandare.partFinns(FORBUNDETS_PART)) {
      parter.spara(new PartRepository.Part(FORBUNDETS_PART, forbundetsNamn));
    }
    String id = epost.toLowerCase(Locale.ROOT);
    anvandare.spara(
        new Anvandare(
            id, "Administratör", epost, FORBUNDETS_PART, Set.of(Anvandare.ADMIN), Set.of()),
        null);
    log.info("Första administratören upplagd; den loggar in via identitetsleverantören.");
  }
}
