package se.flerpart.arende;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A case as stored. The personnummer stays encrypted here; it is only decrypted through {@link
 * ArendeAtkomst} for a user inside the consent scope. {@code gallrad} is when its personal data was
 * removed, a set time after it ended; null while it is kept.
 */
public record Arende(
    UUID id,
    String arendenummer,
    String insats,
    String personnummerKrypterat,
    boolean skyddadIdentitet,
    String kon,
    Integer fodelsear,
    String skal,
    List<String> behov,
    boolean bradskande,
    String aktualiserandePart,
    String aktualiseradAv,
    String arendebarare,
    ArendeStatus status,
    String samtycke,
    String samtyckeForm,
    List<String> samtyckeParter,
    Boolean susSamtycke,
    String avslutsorsak,
    Instant skapad,
    Instant avslutad,
    Instant gallrad) {

  public boolean samtyckeGivet() {
    return "JA".equals(samtycke);
  }

  /** The person withdrew the consent: the case keeps only the fact of the referral. */
  public boolean samtyckeAterkallat() {
    return "ATERKALLAT".equals(samtycke) || status == ArendeStatus.AVBRUTET_SAMTYCKE_ATERKALLAT;
  }

  public boolean arGallrat() {
    return gallrad != null;
  }
}
