package se.flerpart.workers;

/**
 * The idempotency key of a job's work: the job's key within the case (or deviation) the job is
 * about. A job delivered again finds its work done under the same key and does nothing new. The
 * job's key alone is not enough: an engine that lost its state (the in-memory engine restarted) or
 * was restored from a backup older than the database gives out its keys again, and a job of another
 * case would find the earlier job's mail, avvikelse or SUS registration and do nothing. A case's
 * process runs in one engine's lifetime, so the pair is never reused. A job that works on no case
 * (the reports) is keyed within the engine's time when its task was entered instead.
 */
final class Jobbnyckel {

  private Jobbnyckel() {}

  /**
   * @param agare the case or deviation the job works on, or the time its task was entered; null (a
   *     job of a task entered before it had that time) makes the key the job's alone
   */
  static String inom(Object agare, Object jobKey) {
    return agare == null || agare.toString().isBlank() ? jobKey.toString() : agare + ":" + jobKey;
  }
}
