package se.flerpart.arende;

import java.util.Optional;

/**
 * The population register, where the organisation has an integration with it (for example through a
 * municipality's folkbokföring service): the person's name and address by personnummer. What it
 * returns fills the fields the handläggare left empty at aktualisering; what she typed wins.
 */
public interface Folkbokforing {

  /**
   * Without an integration the handläggare types the name and the address herself: the register
   * answers nothing. An integration is a bean implementing this interface.
   */
  Folkbokforing UTAN_INTEGRATION = personnummer -> Optional.empty();

  /** The person as the register knows them; empty when there is no integration or no answer. */
  Optional<Folkbokford> hamta(Personnummer personnummer);

  /** What the register tells: the name and the postal address, either may be missing. */
  record Folkbokford(String namn, String adress) {}
}
