package se.flerpart.sakerhet;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who a person vouched for by the identity provider is in Flerpart: the user matched on the
 * configured claim, with part and roles from Flerpart's own administration or from the provider's
 * group claims. Anyone else is an {@link OkandAnvandare}.
 */
@Component
class OidcKoppling {

  private final OidcInstallningar installningar;
  private final AnvandareRepository anvandare;

  OidcKoppling(OidcInstallningar installningar, AnvandareRepository anvandare) {
    this.installningar = installningar;
    this.anvandare = anvandare;
  }

  @Transactional
  Anvandare anvandare(Map<String, Object> claims) {
    String identitet = text(claims.get(installningar.anvandarClaim()));
    if (identitet == null) {
      throw new OkandAnvandare(
          "Inloggningen saknar uppgiften " + installningar.anvandarClaim() + ".", null);
    }
    return switch (installningar.behorigheter()) {
      case FLERPART -> franFlerpart(identitet);
      case CLAIMS -> franClaims(identitet, claims);
    };
  }

  private Anvandare franFlerpart(String identitet) {
    Anvandare a =
        (installningar.matcharEpost()
                ? anvandare.hittaMedEpost(identitet)
                : anvandare.hitta(identitet))
            .orElseThrow(() -> new OkandAnvandare("Användaren finns inte i Flerpart.", identitet));
    if (a.roller().isEmpty()) {
      throw new OkandAnvandare("Användaren har ingen roll i Flerpart.", identitet);
    }
    return a;
  }

  /**
   * Part and roles from the provider's groups; the user is created, or updated, so that tasks,
   * names and mail work as for everyone else. Beredningsgrupp membership stays Flerpart's own.
   */
  private Anvandare franClaims(String identitet, Map<String, Object> claims) {
    Set<String> grupper = texter(claims.get(installningar.gruppClaim()));
    Set<String> parter = new LinkedHashSet<>();
    Set<String> roller = new LinkedHashSet<>();
    for (String grupp : grupper) {
      if (installningar.parter().containsKey(grupp)) {
        parter.add(installningar.parter().get(grupp));
      }
      if (installningar.roller().containsKey(grupp)) {
        roller.add(installningar.roller().get(grupp));
      }
    }
    if (parter.size() != 1 || !anvandare.partFinns(parter.iterator().next())) {
      throw new OkandAnvandare(
          parter.isEmpty()
              ? "Användaren tillhör ingen part i Flerpart."
              : "Användaren tillhör flera parter eller en okänd part.",
          identitet);
    }
    if (roller.isEmpty()) {
      throw new OkandAnvandare("Användaren har ingen roll i Flerpart.", identitet);
    }
    String epost = installningar.matcharEpost() ? identitet : text(claims.get("email"));
    if (epost == null) {
      throw new OkandAnvandare("Inloggningen saknar e-postadress.", identitet);
    }
    List<String> befintliga = anvandare.idnFor(identitet, installningar.matcharEpost());
    if (befintliga.size() > 1) {
      throw new OkandAnvandare("Flera användare i Flerpart har samma identitet.", identitet);
    }
    String id = befintliga.isEmpty() ? identitet : befintliga.get(0);
    if (id.length() > 64) {
      throw new OkandAnvandare("Användarens identitet är längre än 64 tecken.", identitet);
    }
    anvandare.sparaFranIdentitetsleverantor(
        new Anvandare(
            id,
            namn(claims, identitet),
            epost,
            parter.iterator().next(),
            Set.copyOf(roller),
            Set.of()));
    return anvandare
        .hitta(id)
        .orElseThrow(() -> new OkandAnvandare("Användaren är inaktiverad i Flerpart.", identitet));
  }

  private static String namn(Map<String, Object> claims, String identitet) {
    String namn = text(claims.get("name"));
    if (namn != null) {
      return namn;
    }
    String fornamn = text(claims.get("given_name"));
    String efternamn = text(claims.get("family_name"));
    if (fornamn != null || efternamn != null) {
      return ((fornamn == null ? "" : fornamn) + " " + (efternamn == null ? "" : efternamn))
          .strip();
    }
    return identitet;
  }

  private static String text(Object varde) {
    return varde instanceof String s && !s.isBlank() ? s.strip() : null;
  }

  private static Set<String> texter(Object varde) {
    Set<String> texter = new LinkedHashSet<>();
    if (varde instanceof String s) {
      texter.addAll(List.of(s.split("[,\\s]+")));
    } else if (varde instanceof Collection<?> c) {
      c.stream().map(OidcKoppling::text).filter(t -> t != null).forEach(texter::add);
    }
    texter.remove("");
    return texter;
  }
}
