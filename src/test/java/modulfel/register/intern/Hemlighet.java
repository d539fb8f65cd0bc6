package modulfel.register.intern;

/** Internal to the fixture's {@code register} module: no other module may use it. */
public class Hemlighet {

  public String varde() {
    return "intern";
  }
}
