package se.flerpart.mote;

import org.springframework.http.HttpStatus;

/** An answer link that can no longer be used (410), or an engine that cannot take the answer. */
public class SvarslankFel extends RuntimeException {

  private final HttpStatus status;

  public SvarslankFel(HttpStatus status, String meddelande) {
    super(meddelande);
    this.status = status;
  }

  public HttpStatus status() {
    return status;
  }
}
