package io.gaborflow.tensorflow.distributed;

import java.util.function.DoubleFunction;

/**
 * One thing every worker of a run must have the same of: its name as the user sets it, its value,
 * and the value as a number with a way back to words ({@code show}, null when the number is only a
 * hash), so that a disagreement can name both values.
 */
public record RunField(String name, String value, double number, DoubleFunction<String> show) {
  /** A field compared by its value alone: a disagreement names it, not the values. */
  public static RunField of(String name, String value) {
    return new RunField(name, value, value.hashCode() & 0xffffff, null);
  }
}
