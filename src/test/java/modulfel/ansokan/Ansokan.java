package modulfel.ansokan;

import modulfel.register.intern.Hemlighet;

/** The deliberate reach-in: the fixture's {@code ansokan} module uses another's internal type. */
public class Ansokan {

  public String las() {
    return new Hemlighet().varde();
  }
}
