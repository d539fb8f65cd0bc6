package se.flerpart.web;

/** The user may not do this (403). */
public class AtkomstNekad extends RuntimeException {
  public AtkomstNekad(String meddelande) {
    super(meddelande);
  }
}
