package io.gaborflow.cli.render;

import io.gaborflow.core.gabor.FilterBank;
import io.gaborflow.core.gabor.GaborParameters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A bank as CSV: a header, then one row per filter: {@code theta_deg,lambda,psi_deg,sigma,gamma,}
 * then the {@code size * size} kernel values row by row, each printed so it parses back to the same
 * double.
 */
public final class BankCsv {
  private BankCsv() {}

  public static void write(FilterBank bank, Writer out) throws IOException {
    StringBuilder header = new StringBuilder("theta_deg,lambda,psi_deg,sigma,gamma");
    for (int row = 0; row < bank.size(); row++) {
      for (int col = 0; col < bank.size(); col++) {
        header.append(",k").append(row).append('_').append(col);
      }
    }
    out.write(header.append('\n').toString());
    for (int f = 0; f < bank.filterCount(); f++) {
      GaborParameters p = bank.parameters().get(f);
      StringBuilder line =
          new StringBuilder()
              .append(p.thetaDegrees())
              .append(',')
              .append(p.lambda())
              .append(',')
              .append(p.psiDegrees())
              .append(',')
              .append(p.sigma())
              .append(',')
              .append(p.gamma());
      for (double v : bank.kernel(f)) {
        line.append(',').append(v);
      }
      out.write(line.append('\n').toString());
    }
  }

  public static void write(FilterBank bank, Path file) {
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      write(bank, out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
