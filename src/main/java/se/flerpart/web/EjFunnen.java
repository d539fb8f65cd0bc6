package se.flerpart.web;

/** Nothing with that id (404). */
public class EjFunnen extends RuntimeException {
  public EjFunnen(String meddelande) {
    super(meddelande);
  }
}
