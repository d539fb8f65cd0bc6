package se.flerpart.handelse;

/** The Kafka topics Flerpart reads and writes. */
public final class Amnen {

  /** Referrals from the parties' systems: a CloudEvent (structured or binary) or plain JSON. */
  public static final String AKTUALISERINGAR = "flerpart.aktualiseringar";

  /** Referrals that could not be registered, unchanged, with the reason in {@link #ORSAK}. */
  public static final String AKTUALISERINGAR_DLT = AKTUALISERINGAR + ".DLT";

  /** One CloudEvent per domain event of a case; key = the case id. */
  public static final String ARENDE_HANDELSER = "flerpart.arende-handelser";

  /** One CloudEvent per domain event of an avvikelse. */
  public static final String AVVIKELSER = "flerpart.avvikelser";

  /** The header of a dead letter that says, in Swedish, why the message was not registered. */
  public static final String ORSAK = "flerpart-orsak";

  private Amnen() {}
}
