package se.flerpart.avvikelse;

import java.time.Instant;
import java.util.UUID;

/**
 * A deviation from the agreed routine was registered, by a person or by Flerpart itself ({@code
 * kalla}). Carries codes only: the description stays in Flerpart, free text.
 *
 * @param arendeId null when the deviation concerns no single case
 */
public record AvvikelseRegistrerad(
    UUID avvikelseId,
    String avvikelsenummer,
    Instant tidpunkt,
    String typ,
    String berordPart,
    UUID arendeId,
    String arendenummer,
    String kalla) {}
