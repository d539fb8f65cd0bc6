package se.flerpart.avvikelse;

import java.math.BigDecimal;

/**
 * A reported deviation, as the web form and {@code POST /api/avvikelser} send it. {@code arendeId}
 * only for case types; {@code insats} and {@code beloppTkr} (budget only) for insats types.
 */
public record NyAvvikelse(
    String typ,
    String beskrivning,
    String berordPart,
    String arendeId,
    String insats,
    BigDecimal beloppTkr) {}
