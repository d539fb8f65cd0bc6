package se.flerpart.web;

/** The request clashes with the current state, e.g. a task already completed (409). */
public class Konflikt extends RuntimeException {
  public Konflikt(String meddelande) {
    super(meddelande);
  }
}
