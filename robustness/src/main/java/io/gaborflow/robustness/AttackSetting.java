package io.gaborflow.robustness;

import io.gaborflow.robustness.attack.Attack;
import java.util.List;

/**
 * One attack and the budgets it is run at.
 *
 * @param attack the attack
 * @param epsilons its budgets ε, in pixel values (0..1), in the attack's norm
 */
public record AttackSetting(Attack attack, List<Double> epsilons) {
  /** Copies the budgets and checks them. */
  public AttackSetting {
    epsilons = List.copyOf(epsilons);
    for (double e : epsilons) {
      if (!(e >= 0)) {
        throw new IllegalArgumentException(
            attack.id() + ": epsilon " + e + " is not a budget; give 0 or more (pixels in 0..1)");
      }
    }
  }
}
