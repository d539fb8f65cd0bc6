package modulfel.register;

/** The fixture's {@code register} module's API. */
public class Register {

  public String namn() {
    return new modulfel.register.intern.Hemlighet().varde();
  }
}
