/**
 * A deliberately broken module structure for {@code se.flerpart.ModularityTests}: the module {@code
 * ansokan} reaches into {@code register}'s internal package, which verification must refuse.
 */
package modulfel;
