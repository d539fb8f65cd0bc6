package se.flerpart.sakerhet;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing in the demo profile's password login (form and HTTP Basic): after
 * {@value #PER_ANVANDARE} failed logins for one user name, or {@value #PER_ADRESS} from one
 * address, within {@link #FONSTER}, that name or address is refused for {@link #SPARRTID}, even
 * with the right password. Counts are kept in memory, per instance.
 */
@Component
class InloggningsSparr {

  static final int PER_ANVANDARE = 5;
  static final int PER_ADRESS = 50;
  static final Duration FONSTER = Duration.ofMinutes(15);
  static final Duration SPARRTID = Duration.ofMinutes(15);

  /** Beyond this many tracked names or addresses the oldest are forgotten. */
  private static final int MAX_POSTER = 10_000;

  private final Map<String, Forsok> anvandare = new ConcurrentHashMap<>();
  private final Map<String, Forsok> adresser = new ConcurrentHashMap<>();
  private final Clock klocka;

  InloggningsSparr() {
    this(Clock.systemUTC());
  }

  InloggningsSparr(Clock klocka) {
    this.klocka = klocka;
  }

  /** How long the name or the address is still refused, or {@link Duration#ZERO}. */
  Duration sparradI(String anvandarnamn, String adress) {
    Instant nu = klocka.instant();
    Duration a = kvar(anvandare.get(nyckel(anvandarnamn)), nu);
    Duration b = kvar(adresser.get(adress), nu);
    return a.compareTo(b) >= 0 ? a : b;
  }

  @EventListener
  void misslyckad(AbstractAuthenticationFailureEvent e) {
    Instant nu = klocka.instant();
    rakna(anvandare, nyckel(e.getAuthentication().getName()), PER_ANVANDARE, nu);
    if (e.getAuthentication().getDetails() instanceof WebAuthenticationDetails d) {
      rakna(adresser, d.getRemoteAddress(), PER_ADRESS, nu);
    }
  }

  @EventListener
  void lyckad(AuthenticationSuccessEvent e) {
    anvandare.remove(nyckel(e.getAuthentication().getName()));
  }

  private void rakna(Map<String, Forsok> tabell, String nyckel, int grans, Instant nu) {
    if (nyckel == null) {
      return;
    }
    if (tabell.size() >= MAX_POSTER) {
      tabell.entrySet().removeIf(p -> p.getValue().inaktuell(nu));
      if (tabell.size() >= MAX_POSTER) {
        tabell.clear();
      }
    }
    tabell.compute(
        nyckel, (k, f) -> (f == null || f.inaktuell(nu) ? Forsok.FORSTA : f).till(nu, grans));
  }

  private static Duration kvar(Forsok f, Instant nu) {
    if (f == null || f.sparradTill() == null || !nu.isBefore(f.sparradTill())) {
      return Duration.ZERO;
    }
    return Duration.between(nu, f.sparradTill());
  }

  private static String nyckel(String anvandarnamn) {
    return anvandarnamn == null ? null : anvandarnamn.strip().toLowerCase(Locale.ROOT);
  }

  /** Failures since {@code forsta}; refused until {@code sparradTill} once over the limit. */
  private record Forsok(int antal, Instant forsta, Instant sparradTill) {
    static final Forsok FORSTA = new Forsok(0, null, null);

    Forsok till(Instant nu, int grans) {
      int n = antal + 1;
      Instant start = forsta == null ? nu : forsta;
      return new Forsok(n, start, n >= grans ? nu.plus(SPARRTID) : sparradTill);
    }

    boolean inaktuell(Instant nu) {
      boolean sparrUte = sparradTill == null || !nu.isBefore(sparradTill);
      return sparrUte && (forsta == null || nu.isAfter(forsta.plus(FONSTER)));
    }
  }
}
