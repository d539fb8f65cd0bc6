package se.flerpart.statistik;

/**
 * An administrator set or changed a year's statistics definition. Published inside the change's
 * transaction, so that a listener that records it (the admin log) commits or fails with it.
 *
 * @param handling {@code SKAPAD} or {@code ANDRAD}
 * @param fore the year's own definition before the change; null when it had none
 */
public record StatistikDefinitionAndrad(
    String anvandareId,
    int ar,
    String handling,
    StatistikDefinition fore,
    StatistikDefinition efter) {}
