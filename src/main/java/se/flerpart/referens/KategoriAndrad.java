package se.flerpart.referens;

/**
 * An administrator added, renamed, (in)activated or deleted an avslut category code. Published
 * inside the change's transaction, so that a listener that records it (the admin log) commits or
 * fails with it.
 *
 * @param kategori the category ({@code AVSLUTSORSAK}, {@code FORSORJNING}, {@code SYSSELSATTNING})
 * @param handling {@code SKAPAD}, {@code ANDRAD}, {@code AKTIVERAD}, {@code INAKTIVERAD} or {@code
 *     BORTTAGEN}
 * @param fore the code before the change; null when it was created
 * @param efter the code after the change; null when it was deleted
 */
public record KategoriAndrad(
    String anvandareId,
    String kategori,
    String handling,
    KategoriRepository.Post fore,
    KategoriRepository.Post efter) {

  /** The changed code, as the admin log names it: category and code. */
  public String objektId() {
    return kategori + ":" + (efter != null ? efter.kod() : fore.kod());
  }
}
