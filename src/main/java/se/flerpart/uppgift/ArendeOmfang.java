package se.flerpart.uppgift;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import se.flerpart.sakerhet.Anvandare;

/**
 * The consent scope of the case a task belongs to, answered by the module that owns cases, so that
 * the task list itself knows no case. A case's task is opened, taken, handed on and completed only
 * by users inside the scope; a task without a case (an avvikelse) has none to check.
 */
public interface ArendeOmfang {

  /**
   * Empty when the user may read the case's personal data; otherwise why not, in Swedish and
   * without a full stop, to follow "Du kan inte …: " or the user's name.
   */
  Optional<String> utanfor(UUID arendeId, Anvandare anvandare);

  /** Writes one row in the audit log: the user opened a form with the case's personal data. */
  void loggaFormular(UUID arendeId, Anvandare anvandare);

  /**
   * The person's name in each of the cases whose personal data the user may read, for a list of
   * tasks: a fixed number of queries however many cases, and one audit row per case whose name is
   * returned. Cases outside the scope, gallrade or without a name are not in the map.
   */
  Map<UUID, String> individnamn(Anvandare anvandare, Collection<UUID> arendeIds);

  /**
   * Those of the cases {@code bland} whose person's name matches {@code sok} and whose personal
   * data the user may read: every word of {@code sok} must begin a word of the name, case
   * insensitive ("ann sv" finds Anna Svensson, "karin" finds Anna-Karin Ek). Empty for a blank
   * {@code sok}. Writes no audit row: it shows no name; the list that then shows the names logs
   * them through {@link #individnamn}.
   */
  Set<UUID> arendenMedNamn(Anvandare anvandare, String sok, Collection<UUID> bland);

  /** Of the cases, those whose personal data the user may read. */
  Set<UUID> inomOmfang(Anvandare anvandare, Collection<UUID> arenden);

  /** One row in the audit log per case: the user read comments on the case's tasks. */
  void loggaKommentarer(Collection<UUID> arenden, Anvandare anvandare);

  /**
   * The task list's free-text search in what only the consent scope may read: the cases among
   * {@code bland} whose person {@code sok} names (a personnummer, in any of its usual forms), and
   * only those inside the user's scope. Finding a case ties the person to it, so each case found is
   * logged as a read.
   */
  Set<UUID> arendenSomMatchar(Anvandare anvandare, String sok, Collection<UUID> bland);
}
