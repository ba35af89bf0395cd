package io.gaborflow.cli;

import io.gaborflow.core.annotation.NoiseKind;
import io.gaborflow.core.model.BankNoise;
import java.util.Locale;

/**
 * Reads a bank's noise from the command line: {@code gaussian:SD}, {@code poisson:SCALE}, {@code
 * none}.
 */
final class NoiseOption {
  private NoiseOption() {}

  static BankNoise parse(String option, String value) {
    String text = value.trim().toLowerCase(Locale.ROOT);
    if (text.equals("none")) {
      return BankNoise.NONE;
    }
    int colon = text.indexOf(':');
    try {
      NoiseKind kind =
          NoiseKind.valueOf(
              text.substring(0, colon < 0 ? text.length() : colon).toUpperCase(Locale.ROOT));
      if (kind == NoiseKind.NONE || colon < 0) {
        throw new IllegalArgumentException("no scale");
      }
      return new BankNoise(kind, Double.parseDouble(text.substring(colon + 1)));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          option
              + ": '"
              + value
              + "' is not a noise; give gaussian:SD or poisson:SCALE with a positive number, or"
              + " none",
          e);
    }
  }
}
